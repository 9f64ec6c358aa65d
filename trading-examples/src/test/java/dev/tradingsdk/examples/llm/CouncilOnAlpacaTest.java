package dev.tradingsdk.examples.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.Credentials;
import dev.tradingsdk.brokers.alpaca.AlpacaBroker;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.council.Council;
import dev.tradingsdk.llm.council.CouncilAccount;
import dev.tradingsdk.llm.council.CouncilMember;
import dev.tradingsdk.llm.council.CouncilOrders;
import dev.tradingsdk.llm.council.CouncilResult;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.ScriptedLlm;
import dev.tradingsdk.llm.prompt.MarketHistory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's execution step against Alpaca: the council's bracket goes to two Alpaca paper accounts on loopback
 * servers serving the recorded Alpaca payloads (trading-brokers' copy of the shared vectors, read in place). The
 * servers are the JDK's own HTTP server, as this module has no MockWebServer dependency.
 */
class CouncilOnAlpacaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VECTORS = Path.of("../trading-brokers/src/test/resources/vectors");
    private static final Instrument AAPL = AlpacaBroker.usEquity("AAPL");
    private static final Instant T = Instant.parse("2024-05-01T14:00:00Z");

    /** An Alpaca paper account: the recorded account, no positions, and a bracket answer echoing each order. */
    private static final class FakeAccount implements AutoCloseable {
        final List<JsonNode> orderBodies = new CopyOnWriteArrayList<>();
        private final JsonNode orders;
        private final JsonNode account;
        private final HttpServer server;

        FakeAccount() throws IOException {
            orders = JSON.readTree(Files.readString(VECTORS.resolve("alpaca-orders.json")));
            account = JSON.readTree(Files.readString(VECTORS.resolve("alpaca-account.json"))).path("response").path("body");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            int status = 200;
            String out;
            if (method.equals("POST") && path.equals("/v2/orders")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                orderBodies.add(body);
                ObjectNode answer = null;
                for (JsonNode c : orders.path("cases")) {
                    if (c.path("name").asText().equals("bracket_order")) {
                        answer = (ObjectNode) c.path("response").path("body").deepCopy();
                    }
                }
                answer.put("client_order_id", body.path("client_order_id").asText())
                    .put("qty", body.path("qty").asText()).put("type", body.path("type").asText())
                    .put("order_type", body.path("type").asText()).putNull("limit_price");
                for (JsonNode leg : answer.path("legs")) {
                    ((ObjectNode) leg).put("qty", body.path("qty").asText());
                }
                out = answer.toString();
            } else if (path.equals("/v2/account")) {
                out = account.toString();
            } else if (path.equals("/v2/positions")) {
                out = "[]";
            } else {
                status = 404;
                out = "{\"code\":40410000,\"message\":\"not found\"}";
            }
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String answer(LlmRequest request) {
        String text = ((ContentBlock.Text) request.messages().get(0).content().get(0)).text();
        if (text.contains("As chairman")) {
            return "{\"action\":\"BUY\",\"symbol\":\"AAPL\",\"quantity\":10,\"confidence\":0.7,\"stop_loss\":182.50,"
                + "\"take_profit\":201.00,\"reasoning\":\"the council's top pitch\"}";
        }
        if (text.contains("Critique each pitch")) {
            StringBuilder sb = new StringBuilder("FINAL RANKING:\n");
            int n = 1;
            for (char label = 'A'; label <= 'C'; label++) {
                if (text.contains("Pitch " + label + ":")) {
                    sb.append(n++).append(". Pitch ").append(label).append('\n');
                }
            }
            return sb.toString();
        }
        if (text.contains("Pitch one trade")) {
            return "{\"action\":\"BUY\",\"symbol\":\"AAPL\",\"quantity\":10,\"confidence\":0.6,\"stop_loss\":182.50,"
                + "\"take_profit\":201.00,\"thesis\":\"breakout\",\"risk\":\"gap down\",\"horizon\":\"2 weeks\"}";
        }
        return "AAPL holds above its 20-day average.";
    }

    @Test
    void theChairmansBracketGoesToTwoAlpacaAccounts() throws IOException {
        List<Bar> bars = new ArrayList<>();
        for (int h = 0; h < 24 * 8; h++) {
            Instant open = T.minus(Duration.ofHours(24 * 8 - h));
            Price c = Price.of((180 + h / 24) + "." + String.format("%02d", h % 100));
            bars.add(new Bar(AAPL, open, open.plus(Duration.ofHours(1)), c, c, c, c, Quantity.of("100")));
        }
        List<CouncilMember> members = new ArrayList<>();
        for (String name : List.of("m1", "m2", "m3")) {
            members.add(new CouncilMember(name, ScriptedLlm.answering(CouncilOnAlpacaTest::answer), "model-" + name));
        }
        Council council = Council.builder("weekly").members(members)
            .chairman(new CouncilMember("chair", ScriptedLlm.answering(CouncilOnAlpacaTest::answer), "model-chair"))
            .quorum(2).stageTimeout(Duration.ofSeconds(10)).history(MarketHistory.of(bars)).log(InvocationLog.inMemory())
            .limits(new BigDecimal("100"), 1, false).build();

        try (FakeAccount fundA = new FakeAccount(); FakeAccount fundB = new FakeAccount()) {
            BrokerGateway gatewayA = BrokerGateway.of(broker("fund-a", fundA.url()));
            BrokerGateway gatewayB = BrokerGateway.of(broker("fund-b", fundB.url()));
            CouncilResult result = council.run(T, Map.of(AAPL, Price.of("190.12")),
                List.of(new CouncilAccount("fund-a", gatewayA, CouncilOrders.of(gatewayA)),
                    new CouncilAccount("fund-b", gatewayB, CouncilOrders.of(gatewayB))), order -> List.of());

            assertThat(result.failure()).isEmpty();
            for (FakeAccount fund : List.of(fundA, fundB)) {
                assertThat(fund.orderBodies).hasSize(1);
                JsonNode sent = fund.orderBodies.get(0);
                assertThat(sent.path("order_class").asText()).isEqualTo("bracket");
                assertThat(sent.path("side").asText()).isEqualTo("buy");
                assertThat(sent.path("type").asText()).isEqualTo("market");
                assertThat(sent.path("qty").asText()).isEqualTo("10");
                assertThat(sent.path("take_profit").path("limit_price").asText()).isEqualTo("201.00");
                assertThat(sent.path("stop_loss").path("stop_price").asText()).isEqualTo("182.50");
            }
            assertThat(fundA.orderBodies.get(0).path("client_order_id").asText()).isEqualTo("weekly-1-fund-a-entry");
            assertThat(fundB.orderBodies.get(0).path("client_order_id").asText()).isEqualTo("weekly-1-fund-b-entry");
            assertThat(result.orders()).hasSize(6);
            assertThat(result.summaries()).containsExactly(
                "fund-a: equity 103820.56 USD, cash -23140.20 USD, positions none",
                "fund-b: equity 103820.56 USD, cash -23140.20 USD, positions none");
        }
    }

    private static AlpacaBroker broker(String name, String url) {
        return AlpacaBroker.builder().name(name).baseUrl(url)
            .credentials(Credentials.of("PK" + name.toUpperCase().replace("-", "") + "0000000", "secret-" + name))
            .retryPolicy(RetryPolicy.none()).build();
    }
}
