package dev.tradingsdk.core.http.internal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Request bytes that OkHttp may send once only. OkHttp's follow-up logic re-sends a request on its own (a 503
 * with {@code Retry-After: 0}, a 421, an authenticator) whatever {@code retryOnConnectionFailure} says, unless the
 * body is one-shot; a re-sent order could execute twice. Retrying is the {@code RestClient}'s decision alone.
 */
public final class OneShotRequestBody extends RequestBody {

    private final byte[] bytes;
    private final MediaType type;

    public OneShotRequestBody(byte[] bytes, MediaType type) {
        this.bytes = bytes;
        this.type = type;
    }

    @Override
    public MediaType contentType() {
        return type;
    }

    @Override
    public long contentLength() {
        return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
    }

    @Override
    public boolean isOneShot() {
        return true;
    }
}
