package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolymarketAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void replaysBothRecordingsAndStaysFlatWhereNoPairIsCheap() throws Exception {
        AppRun run = AppRun.of("polymarket", "--out", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("btc-updown-15m-1767398400: 834 books per leg replayed")
            .contains("btc-updown-15m-1767397500: 97 books per leg replayed")
            // The summary is the engine's status: the runtime's figures and the detail the bot publishes to it.
            .contains("  engine REPLAY STOPPED, trading ACTIVE, 317 events handled, 0 open orders")
            .contains("  strategy pair-cost STOPPED: risk level LOW, slug btc-updown-15m-1767397500, halted false, "
                + "yesShares 0.000000, noShares 0.000000, delta 0.000000, pairCost none, lockedProfit 0.000000 PUSD, "
                + "trades 0, settledWindows 0")
            .contains("  account replay: cash 1000.000000 PUSD, equity 1000.000000 PUSD, realized 0.000000 PUSD, "
                + "0 open positions");
        HtmlChecks.assertWellFormedAndSelfContained(Files.readString(dir.resolve("polymarket.html")));
        assertThat(AppRun.of("polymarket", "--serve", "--out", dir.toString()).err())
            .isEqualTo("error: polymarket: --serve needs --token TOKEN (at least 8 characters)" + System.lineSeparator());
    }

    @Test
    void theOperatorApiHaltsAndResumesTheBotBehindABearerToken() throws Exception {
        ServingApp app = ServingApp.start("polymarket", "--serve", "--port", "0", "--token", "poly-token-42",
            "--serve-seconds", "60", "--out", dir.toString());
        try {
            String base = app.await("on (http://127\\.0\\.0\\.1:\\d+/)").group(1);
            HttpClient http = HttpClient.newHttpClient();
            assertThat(call(http, "GET", base + "api/status", null).statusCode()).isEqualTo(401);
            assertThat(call(http, "GET", base + "api/status", "wrong-token").statusCode()).isEqualTo(401);
            JsonNode status = JSON.readTree(call(http, "GET", base + "api/status", "poly-token-42").body());
            assertThat(status.get("market").asText()).isEqualTo("btc-updown-15m-1767397500");
            assertThat(status.get("mode").asText()).isEqualTo("REPLAY");
            assertThat(status.get("trading").asText()).isEqualTo("ACTIVE");
            JsonNode bot = status.get("strategies").get(0);
            assertThat(bot.get("id").asText()).isEqualTo("pair-cost");
            assertThat(bot.get("level").asText()).isEqualTo("LOW");
            assertThat(bot.get("detail").get("slug").asText()).isEqualTo("btc-updown-15m-1767397500");
            assertThat(bot.get("detail").get("lockedProfit").asText()).isEqualTo("0.000000 PUSD");
            assertThat(bot.get("detail").get("pairCost").asText()).isEqualTo("none");
            assertThat(bot.get("detail").get("halted").asText()).isEqualTo("false");
            JsonNode account = status.get("accounts").get(0);
            assertThat(account.get("equity").asText()).isEqualTo("1000.000000 PUSD");
            assertThat(account.get("positions")).isEmpty();
            assertThat(account.has("greeks")).isFalse();
            assertThat(status.get("feeds").get(0).get("events").asLong()).isEqualTo(194);
            assertThat(status.get("openOrders")).isEmpty();
            assertThat(status.get("staleInstruments")).isEmpty();
            JsonNode halted = JSON.readTree(call(http, "POST", base + "api/halt", "poly-token-42").body());
            assertThat(halted.get("trading").asText()).isEqualTo("HALTED");
            assertThat(halted.get("strategies").get(0).get("level").asText()).isEqualTo("LOW");
            HttpResponse<String> flatten = call(http, "POST", base + "api/flatten", "poly-token-42");
            assertThat(flatten.statusCode()).isEqualTo(409);
            assertThat(flatten.body()).contains("flatten needs a running engine");
            assertThat(call(http, "POST", base + "api/resume", "poly-token-42").body()).contains("\"trading\":\"ACTIVE\"");
        } finally {
            assertThat(app.stop()).as(app.err()).isZero();
        }
    }

    private static HttpResponse<String> call(HttpClient http, String method, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
