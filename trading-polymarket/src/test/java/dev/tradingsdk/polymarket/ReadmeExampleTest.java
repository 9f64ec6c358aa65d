package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.PostOrderResult;
import dev.tradingsdk.polymarket.order.ClobOrderRequest;
import dev.tradingsdk.polymarket.signing.WalletKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Runs the README example against a mock CLOB and checks the README still shows exactly this code. */
class ReadmeExampleTest {

    // README example start
    static String placeAndCancel(String clobUrl, String privateKeyHex, String tokenId) {
        ClobClient clob = ClobClient.builder()
                .baseUrl(clobUrl)                        // ClobClient.DEFAULT_URL in production
                .walletKey(WalletKey.fromHex(privateKeyHex))
                .build();
        clob.createOrDeriveApiKey();                     // L1 signature -> L2 API key for this wallet

        BookSnapshot book = clob.book(tokenId);
        Price bestBid = book.bestBid().orElseThrow();

        ClobOrderRequest order = ClobOrderRequest
                .limit(tokenId, Side.BUY, bestBid.toBigDecimal(), new BigDecimal("10"))
                .postOnly()                              // rests on the book or is rejected, never takes
                .build();
        PostOrderResult placed = clob.postOrder(order);  // V1/V2 chosen by GET /version, signed, HMAC'd
        clob.cancelOrder(placed.orderId());
        return placed.orderId();
    }
    // README example end

    @Test
    void exampleRunsAgainstAMockClob() throws Exception {
        List<String> calls = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String call = request.getMethod() + " " + request.getRequestUrl().encodedPath();
                    calls.add(call);
                    String body = switch (call) {
                        case "GET /auth/derive-api-key" -> "{\"apiKey\":\"" + ClobClientTest.CREDS.apiKey()
                                + "\",\"secret\":\"" + ClobClientTest.CREDS.secret() + "\",\"passphrase\":\"p\"}";
                        case "GET /book" -> Vectors.text("payloads/clob-book.json");
                        case "GET /version" -> "{\"version\":2}";
                        case "GET /tick-size" -> "{\"minimum_tick_size\":0.01}";
                        case "GET /neg-risk" -> "{\"neg_risk\":false}";
                        case "POST /order" -> "{\"success\":true,\"orderID\":\"0xabc\",\"status\":\"live\"}";
                        case "DELETE /order" -> "{\"canceled\":[\"0xabc\"],\"not_canceled\":{}}";
                        default -> null;
                    };
                    return body == null ? new MockResponse().setResponseCode(404) : new MockResponse().setBody(body);
                }
            });
            server.start();
            String orderId = placeAndCancel(server.url("/").toString(),
                    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", ClobClientTest.TOKEN);
            assertThat(orderId).isEqualTo("0xabc");
            assertThat(calls).contains("GET /auth/derive-api-key", "GET /book", "POST /order", "DELETE /order");
        }
    }

    @Test
    void readmeShowsExactlyTheTestedCode() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/polymarket/ReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        String start = "    // README example start\n";
        String example = source.substring(source.indexOf(start) + start.length(),
                source.indexOf("    // README example end"));
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(example);
    }
}
