package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.examples.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        StringBuffer console = new StringBuffer();
        PrintStream out = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.append((char) b);
            }
        }, true, StandardCharsets.UTF_8);
        int[] code = {-1};
        Thread app = new Thread(() -> code[0] = Launcher.run(new String[] {"polymarket", "--serve", "--port", "0",
            "--token", "poly-token-42", "--serve-seconds", "60", "--out", dir.toString()}, out,
            new PrintStream(new ByteArrayOutputStream(), true)));
        app.start();
        try {
            Pattern serving = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+/)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Matcher m = serving.matcher("");
            while (System.nanoTime() < deadline && !(m = serving.matcher(console)).find()) {
                Thread.sleep(50);
            }
            String base = m.group(1);
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
            app.interrupt();
            app.join(20_000);
        }
        assertThat(code[0]).isZero();
    }

    private static HttpResponse<String> call(HttpClient http, String method, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
