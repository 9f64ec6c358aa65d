package dev.tradingsdk.brokers.alpaca;

import dev.tradingsdk.brokers.Credentials;
import dev.tradingsdk.core.http.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.mockwebserver.MockWebServer;

/** A {@link FakeAlpaca} serving trading and market data on one loopback server, and brokers pointed at it. */
final class LoopbackAlpaca implements AutoCloseable {

    final FakeAlpaca fake;
    private final MockWebServer server = new MockWebServer();

    LoopbackAlpaca(FakeAlpaca fake) {
        this.fake = fake;
        server.setDispatcher(fake);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paper broker with the fake's keys, both URLs on loopback, no retries. */
    AlpacaBroker.Builder broker() {
        String url = server.url("/").toString();
        return AlpacaBroker.builder().baseUrl(url).dataUrl(url)
                .credentials(Credentials.of(FakeAlpaca.KEY_ID, FakeAlpaca.SECRET)).retryPolicy(RetryPolicy.none());
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
