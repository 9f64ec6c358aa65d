package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolymarketAppTest {

    @TempDir
    Path dir;

    @Test
    void replaysBothRecordingsAndStaysFlatWhereNoPairIsCheap() throws Exception {
        AppRun run = AppRun.of("polymarket", "--out", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("btc-updown-15m-1767398400: 834 books per leg replayed")
            .contains("btc-updown-15m-1767397500: 97 books per leg replayed")
            .contains("trades 0, YES 0.000000, NO 0.000000, pair cost -, delta 0.000000, fees 0.000000 PUSD, "
                + "locked profit 0.000000 PUSD, risk LOW");
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
            HttpResponse<String> status = call(http, "GET", base + "api/status", "poly-token-42");
            assertThat(status.body()).contains("\"market\":\"btc-updown-15m-1767397500\"").contains("\"trading\":\"ACTIVE\"")
                .contains("\"riskLevel\":\"LOW\"").contains("\"lockedProfit\":\"0.000000 PUSD\"");
            assertThat(call(http, "POST", base + "api/halt", "poly-token-42").body()).contains("\"trading\":\"HALTED\"");
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
