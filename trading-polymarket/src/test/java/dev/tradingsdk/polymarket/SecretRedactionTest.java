package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.AuthenticationException;
import dev.tradingsdk.core.http.ResponseDecodingException;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.order.ClobOrderRequest;
import dev.tradingsdk.polymarket.order.TickSize;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import dev.tradingsdk.polymarket.signing.WalletKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Private key, API secret, passphrase and auth signatures never reach toString, exceptions or logs. */
class SecretRedactionTest {
    private static final String KEY_HEX = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final ApiCredentials CREDS = new ApiCredentials("0b8a4e0c-5a2e-4c38-9d39-1f0c0b7c3e11",
            "c2VjcmV0LWZvci1yZWRhY3Rpb24tdGVzdHMtb25seQ==", "9f3c7ab2e1d04458aa1c");
    private static final String UNAUTHORIZED = "{\"error\":\"Unauthorized/Invalid api key\"}";

    private final MockWebServer server = new MockWebServer();
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server.start();
        // slf4j-simple writes to whatever System.err is at the time of the call.
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(originalErr);
        server.shutdown();
    }

    private ClobClient.Builder client() {
        return ClobClient.builder().baseUrl(server.url("/").toString()).walletKey(WalletKey.fromHex(KEY_HEX))
                .clock(new SimulatedClock(ClobClientTest.NOW)).random(new Random(3)).retryPolicy(RetryPolicy.none());
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** Every secret that went over the wire: the credentials plus the signature headers of every request. */
    private List<String> secretsSent() throws InterruptedException {
        List<String> secrets = new ArrayList<>(List.of(KEY_HEX, KEY_HEX.substring(0, 16), CREDS.secret(),
                CREDS.passphrase(), CREDS.apiKey()));
        int signed = 0;
        RecordedRequest request;
        while ((request = server.takeRequest(0, TimeUnit.SECONDS)) != null) {
            String signature = request.getHeader("POLY_SIGNATURE");
            if (signature != null) {
                signed++;
                secrets.add(signature);
                secrets.add(signature.substring(2, 20));
            }
        }
        assertThat(signed).as("signed requests sent").isGreaterThanOrEqualTo(2);
        return secrets;
    }

    private static String everything(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            if (t instanceof ApiException api) {
                text.append(api.error()).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void secretHoldingTypesPrintNoSecrets() {
        WalletKey key = WalletKey.fromHex(KEY_HEX);
        assertThat(key.toString()).doesNotContainIgnoringCase(KEY_HEX.substring(0, 8)).contains(key.address()
                .toString());
        assertThat(CREDS.toString()).contains(CREDS.apiKey()).doesNotContain(CREDS.secret())
                .doesNotContain(CREDS.passphrase());
        ClobClient clob = client().credentials(CREDS).build();
        assertThat(clob.toString()).doesNotContain(CREDS.secret()).doesNotContain(CREDS.passphrase())
                .doesNotContainIgnoringCase(KEY_HEX.substring(0, 8));
        try (ClobStream stream = ClobStream.user(CREDS, List.of()).url(server.url("/ws/user").toString()).build()) {
            assertThat(stream.toString()).doesNotContain(CREDS.secret()).doesNotContain(CREDS.passphrase())
                    .doesNotContain(CREDS.apiKey());
        }
    }

    @Test
    void badPrivateKeysAreNotQuotedBack() {
        String shortKey = KEY_HEX.substring(0, 62);
        String notHex = KEY_HEX.substring(0, 63) + "z";
        String outOfRange = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
        for (String bad : List.of(shortKey, notHex, outOfRange)) {
            assertThatThrownBy(() -> WalletKey.fromHex(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("value not shown").hasMessageNotContaining(bad.substring(0, 12));
        }
    }

    @Test
    void rejectedL2RequestsEchoNoAuthHeaders() throws Exception {
        server.enqueue(json(401, UNAUTHORIZED));
        server.enqueue(json(200, "{\"version\":2}"));
        server.enqueue(json(401, UNAUTHORIZED));
        ClobClient clob = client().credentials(CREDS).build();
        Throwable openOrders = catchApi(() -> clob.openOrders(null, null, null));
        ClobOrderRequest order = ClobOrderRequest.limit(ClobClientTest.TOKEN, Side.BUY, new BigDecimal("0.5"),
                BigDecimal.TEN).tickSize(TickSize.HUNDREDTH).negRisk(false).build();
        Throwable post = catchApi(() -> clob.postOrder(order));
        assertThat(openOrders).isInstanceOf(AuthenticationException.class).hasMessageContaining("HTTP 401");
        assertThat(post).isInstanceOf(AuthenticationException.class).hasMessageContaining("Invalid api key");
        String reported = everything(openOrders) + everything(post) + logs.toString(StandardCharsets.UTF_8);
        for (String secret : secretsSent()) {
            assertThat(reported).doesNotContain(secret);
        }
    }

    @Test
    void rejectedL1RequestsEchoNoSignatureAndLogNone() throws Exception {
        server.enqueue(json(401, "{\"error\":\"Invalid L1 Request headers\"}"));
        server.enqueue(json(401, "{\"error\":\"Invalid L1 Request headers\"}"));
        ClobClient clob = client().build();
        Throwable thrown = catchApi(clob::createOrDeriveApiKey);
        // A refused derive is not "no key yet": no new key is created over it.
        assertThat(thrown).isInstanceOf(AuthenticationException.class).hasMessageContaining("deriveApiKey");
        assertThat(server.getRequestCount()).isEqualTo(1);
        Throwable created = catchApi(clob::createApiKey);
        assertThat(created).isInstanceOf(AuthenticationException.class).hasMessageContaining("createApiKey");
        String logged = logs.toString(StandardCharsets.UTF_8);
        String reported = everything(thrown) + everything(created) + logged;
        for (String secret : secretsSent()) {
            assertThat(reported).doesNotContain(secret);
        }
    }

    @Test
    void apiKeyResponsesWithoutASecretDoNotQuoteThePassphrase() throws Exception {
        server.enqueue(json(200, "{\"apiKey\":\"" + CREDS.apiKey() + "\",\"passphrase\":\"" + CREDS.passphrase()
                + "\"}"));
        Throwable thrown = catchApi(() -> client().build().deriveApiKey());
        assertThat(thrown).isInstanceOf(ResponseDecodingException.class).hasMessageContaining("deriveApiKey")
                .hasMessageContaining("'secret'");
        assertThat(everything(thrown) + logs.toString(StandardCharsets.UTF_8)).doesNotContain(CREDS.passphrase());
    }

    private static Throwable catchApi(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }
}
