package dev.tradingsdk.brokers.internal;

import dev.tradingsdk.core.http.ErrorMapper;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** The HTTP settings every adapter builder offers, and the {@link RestClient} they make. */
public final class HttpOptions {

    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);
    private OkHttpClient okHttpClient;

    public void retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
    }

    public void timeouts(Duration connect, Duration read) {
        if (connect == null || connect.isNegative() || connect.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, was " + connect);
        }
        if (read == null || read.isNegative() || read.isZero()) {
            throw new IllegalArgumentException("read timeout must be positive, was " + read);
        }
        this.connectTimeout = connect;
        this.readTimeout = read;
    }

    public void okHttpClient(OkHttpClient client) {
        this.okHttpClient = Objects.requireNonNull(client, "okHttpClient");
    }

    public OkHttpClient okHttpClientOrNull() {
        return okHttpClient;
    }

    /** A client for {@code venue} at {@code baseUrl}; {@code configure} adds headers, signer, limits. */
    public RestClient.Builder client(String venue, String baseUrl, ErrorMapper errors) {
        RestClient.Builder b = RestClient.builder(venue, baseUrl).retryPolicy(retryPolicy)
                .connectTimeout(connectTimeout).readTimeout(readTimeout).errorMapper(errors)
                .userAgent("trading-sdk-brokers");
        if (okHttpClient != null) {
            b.okHttpClient(okHttpClient);
        }
        return b;
    }
}
