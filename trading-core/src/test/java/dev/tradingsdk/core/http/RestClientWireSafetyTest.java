package dev.tradingsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the transport must never do, checked on the wire: re-send, follow, buffer without bound, leak, mislabel. */
class RestClientWireSafetyTest {

    private static final String SECRET = "c2VjcmV0LXNpZ25pbmcta2V5";

    private MockWebServer server;
    private MockWebServer otherHost;
    private SimulatedTimeSource time;

    record ApiKey(String apiKey, String secret, String passphrase) {
    }

    record Numbered(int secret) {
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        otherHost = new MockWebServer();
        otherHost.start();
        time = new SimulatedTimeSource(Instant.parse("2026-11-20T23:00:00Z").toEpochMilli());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        otherHost.shutdown();
    }

    private RestClient.Builder client() {
        return client(time);
    }

    private RestClient.Builder client(TimeSource timeSource) {
        return RestClient.builder("venue", server.url("/").toString())
            .timeSource(timeSource)
            .random(new SplittableRandom(42))
            .signer((request, out) -> out.header("X-API-KEY", "key-1").header("X-SIGNATURE", SECRET));
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String everything(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    // item 7

    @Test
    void aPostWithoutIdempotencyKeyIsNeverResentOn503WithRetryAfterZero() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
        server.enqueue(json("{\"id\":\"second-order\"}"));
        RestClient client = client().build();

        ServerException e = catchThrowableOfType(ServerException.class,
            () -> client.post("/orders").operation("postOrder").jsonBody(Map.of("qty", "1")).executeJson());

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void withAnIdempotencyKeyOnlyTheClientRetriesAndItSaysSo() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
        server.enqueue(json("{\"id\":\"o-1\"}"));
        RestClient client = client().build();

        assertThat(client.post("/orders").idempotencyKey("k-1").jsonBody(Map.of("qty", "1")).executeJson()
            .get("id").asText()).isEqualTo("o-1");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getHeader("Idempotency-Key")).isEqualTo("k-1");
        assertThat(server.takeRequest().getHeader("Idempotency-Key")).isEqualTo("k-1");
    }

    // item 8

    @Test
    void redirectsAreATypedErrorAndNoSignedHeaderOrBodyReachesAnotherHost() throws Exception {
        String target = otherHost.url("/collect?token=abc").toString();
        server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", target));
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", target));
        otherHost.enqueue(json("{\"id\":\"stolen\"}"));
        otherHost.enqueue(json("{\"id\":\"stolen\"}"));
        RestClient client = client().build();

        RedirectException post = catchThrowableOfType(RedirectException.class,
            () -> client.post("/orders").idempotencyKey("k").jsonBody(Map.of("signed", SECRET)).executeJson());
        RedirectException get = catchThrowableOfType(RedirectException.class,
            () -> client.get("/balances").executeJson());

        assertThat(otherHost.getRequestCount()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(post.httpStatus()).isEqualTo(307);
        assertThat(post.retryable()).isFalse();
        assertThat(post.location()).contains(otherHost.url("/").toString().replaceAll("/$", ""));
        assertThat(get.httpStatus()).isEqualTo(302);
        assertThat(everything(post)).doesNotContain(SECRET).doesNotContain("token=abc");
    }

    // item 9

    @Test
    void anOversizedBodyIsATypedNonRetryableErrorAndIsNotRetried() {
        server.enqueue(json("{\"data\":\"" + "x".repeat(4000) + "\"}"));
        server.enqueue(json("{}"));
        RestClient client = client().maxResponseBytes(1024).build();

        ResponseTooLargeException e = catchThrowableOfType(ResponseTooLargeException.class,
            () -> client.get("/candles").executeJson());

        assertThat(e.retryable()).isFalse();
        assertThat(e.limitBytes()).isEqualTo(1024);
        assertThat(e.getMessage()).contains("1024").contains("GET /candles");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aHugeContentLengthFailsAtOnceWithoutReadingOrRetrying() {
        server.enqueue(json("{}").setHeader("Content-Length", Long.toString(3L << 30)));
        server.enqueue(json("{}"));
        RestClient client = client().build();

        ResponseTooLargeException e = catchThrowableOfType(ResponseTooLargeException.class,
            () -> client.get("/everything").executeJson());

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(Long.toString(3L << 30));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // item 10

    @Test
    void anInterruptedCallerGetsInterruptedNotARetriedTimeoutAndKeepsItsFlag() {
        server.enqueue(json("{}"));
        server.enqueue(json("{}"));
        server.enqueue(json("{}"));
        RestClient client = client().build();
        TransportException e;
        boolean flagAfter;
        Thread.currentThread().interrupt();
        try {
            e = catchThrowableOfType(TransportException.class, () -> client.get("/x").executeJson());
        } finally {
            flagAfter = Thread.interrupted();
        }

        assertThat(e.kind()).isEqualTo(TransportException.Kind.INTERRUPTED);
        assertThat(e.retryable()).isFalse();
        assertThat(flagAfter).isTrue();
        assertThat(server.getRequestCount()).isLessThanOrEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void anInterruptDuringTheBackoffWaitIsInterruptedAndKeepsWhatTheAttemptSaid() {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(json("{}"));
        TimeSource interruptedWhileWaiting = new TimeSource() {
            @Override
            public long nanoTime() {
                return time.nanoTime();
            }

            @Override
            public long currentTimeMillis() {
                return time.currentTimeMillis();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                throw new InterruptedException();
            }
        };
        RestClient client = client(interruptedWhileWaiting).build();
        TransportException e;
        boolean flagAfter;
        try {
            e = catchThrowableOfType(TransportException.class, () -> client.get("/x").executeJson());
        } finally {
            flagAfter = Thread.interrupted();
        }

        assertThat(e.kind()).isEqualTo(TransportException.Kind.INTERRUPTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getSuppressed()).singleElement().isInstanceOf(ServerException.class);
        assertThat(flagAfter).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // item 11

    @Test
    void decodingErrorsNeverQuoteTheBody() {
        server.enqueue(json("{\"apiKey\":\"k\",\"secret\":" + SECRET + ",\"passphrase\":\"p\"}"));
        server.enqueue(json("{\"secret\":\"" + SECRET + "\"}"));
        server.enqueue(json("[\"" + SECRET + "\"]"));
        RestClient client = client().build();

        ResponseDecodingException malformed = catchThrowableOfType(ResponseDecodingException.class,
            () -> client.get("/auth/derive-api-key").operation("deriveApiKey").execute(ApiKey.class));
        ResponseDecodingException wrongType = catchThrowableOfType(ResponseDecodingException.class,
            () -> client.get("/auth/derive-api-key").execute(Numbered.class));
        ResponseDecodingException wrongShape = catchThrowableOfType(ResponseDecodingException.class,
            () -> client.get("/auth/derive-api-key").execute(ApiKey.class));

        for (ResponseDecodingException e : new ResponseDecodingException[] {malformed, wrongType, wrongShape}) {
            assertThat(everything(e)).doesNotContain(SECRET).doesNotContain("c2VjcmV0");
            assertThat(e.getMessage()).contains("GET /auth/derive-api-key");
        }
        assertThat(malformed.getMessage()).contains("ApiKey").contains("line 1");
        assertThat(wrongType.getMessage()).contains("secret");
    }
}
