package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.llm.agent.AuditEntry;
import dev.tradingsdk.llm.agent.AuditLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the agent app's approvals page in headless Chromium through the DevTools protocol: clicks approve on one
 * proposal and reject on another, then checks through the API and the audit journal that exactly those happened.
 */
class ApprovalsPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "browser-test-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void approveOneRejectAnotherInARealBrowser() throws Exception {
        Chromium.executable();
        ServingApp app = ServingApp.start("options-agent", "--serve", "--port", "0", "--token", TOKEN,
            "--serve-seconds", "90", "--out", dir.toString());
        Process chromium = null;
        try {
            String base = app.await("serving on (http://127\\.0\\.0\\.1:\\d+/)#token=").group(1);
            Path journal = Path.of(app.await("journal: (\\S+)").group(1));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "api/status")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            Path profile = dir.resolve("profile");
            chromium = new ProcessBuilder(Chromium.command(profile, "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1", base + "#token=" + TOKEN)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
            int devtools = devToolsPort(profile);
            String target = pageTarget(http, devtools, base);
            try (DevTools page = DevTools.connect(http, target)) {
                awaitLoaded(page);
                assertThat(page.evaluate(clickWhenPresent("approve-alpha-P1"))).isEqualTo("clicked");
                assertThat(page.evaluate(waitForText("message", "alpha-P1: EXECUTED"))).isEqualTo("ok");
                // The status panel shows each tenant's greeks from the API: alpha now holds 10 calls, beta nothing.
                JsonNode greeks = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "api/status"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("tenants").get(0).get("greeks").get(0);
                assertThat(page.evaluate(waitForText("status", String.format(Locale.ROOT, "ES net delta %.2f, gamma",
                    greeks.get("netDelta").asDouble())))).isEqualTo("ok");
                assertThat(page.evaluate(waitForText("status", "ES net delta 0.00, gamma 0.0000, vega 0, theta 0")))
                    .isEqualTo("ok");
                assertThat(page.evaluate(clickWhenPresent("reject-alpha-P2"))).isEqualTo("clicked");
                assertThat(page.evaluate(waitForText("message", "alpha-P2: REJECTED"))).isEqualTo("ok");
            }

            JsonNode proposals = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "api/proposals"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
            Map<String, String> status = new HashMap<>();
            proposals.forEach(p -> status.put(p.get("id").asText(), p.get("status").asText()));
            assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of("alpha-P1", "EXECUTED", "alpha-P2", "REJECTED",
                "alpha-P3", "PENDING", "beta-P1", "PENDING", "beta-P2", "PENDING"));
            JsonNode state = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "api/status"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(state.get("tenants").get(0).get("fills").asInt()).isEqualTo(1);

            assertThat(app.stop()).as(app.err()).isZero();
            try (AuditLog audit = AuditLog.open(journal)) {
                List<AuditEntry> approvals = audit.entries().stream().filter(e -> e.type() == AuditEntry.Type.APPROVAL)
                    .toList();
                List<AuditEntry> rejections = audit.entries().stream().filter(e -> e.type() == AuditEntry.Type.REJECTION)
                    .toList();
                assertThat(approvals).singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("web-operator");
                    assertThat(e.detail()).contains("alpha-P1");
                });
                assertThat(rejections).singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("web-operator");
                    assertThat(e.detail()).contains("alpha-P2");
                });
                // The approved order is released by the agent and filled through the tenant's governor, nothing else.
                assertThat(audit.entries()).filteredOn(e -> e.type() == AuditEntry.Type.EXECUTION)
                    .extracting(AuditEntry::actor, AuditEntry::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("scripted:options-desk",
                            "approved order BUY 10 ESZ6C5000 id alpha-1"),
                        org.assertj.core.groups.Tuple.tuple("paper-venue", "BUY 10 ESZ6C5000 filled at 115.50"));
            }
        } finally {
            if (chromium != null) {
                Chromium.stop(chromium);
            }
            app.stop();
        }
    }

    /** Until the page has loaded its proposals; a call during the first navigation may fail and is retried. */
    private static void awaitLoaded(DevTools page) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = page.evaluate("String(document.readyState === 'complete' && document.body"
                    + " && document.body.dataset.loaded === 'true')");
                if (last.equals("true")) {
                    return;
                }
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the approvals page did not load its proposals: " + last);
    }

    /** Chromium writes the port it picked into the profile's DevToolsActivePort file. */
    private static int devToolsPort(Path profile) throws Exception {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("chromium wrote no DevToolsActivePort in " + profile);
    }

    private static String pageTarget(HttpClient http, int port, String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if (t.get("type").asText().equals("page") && t.get("url").asText().startsWith(url)) {
                    return t.get("webSocketDebuggerUrl").asText();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no page target for " + url);
    }

    private static String clickWhenPresent(String id) {
        return "new Promise((resolve, reject) => { const t0 = Date.now(); (function poll() {"
            + " const b = document.getElementById('" + id + "');"
            + " if (b) { b.click(); resolve('clicked'); }"
            + " else if (Date.now() - t0 > 15000) { reject(new Error('no button " + id + "')); }"
            + " else { setTimeout(poll, 100); } })(); })";
    }

    private static String waitForText(String id, String text) {
        return "new Promise((resolve, reject) => { const t0 = Date.now(); (function poll() {"
            + " const e = document.getElementById('" + id + "');"
            + " if (e && e.textContent.includes('" + text + "')) { resolve('ok'); }"
            + " else if (Date.now() - t0 > 15000) { reject(new Error('no text " + text + ": ' + (e && e.textContent))); }"
            + " else { setTimeout(poll, 100); } })(); })";
    }

    /** A minimal DevTools protocol client: Runtime.evaluate of promises, one call at a time. */
    private static final class DevTools implements WebSocket.Listener, AutoCloseable {
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private final Map<Integer, CompletableFuture<JsonNode>> waiting = new java.util.concurrent.ConcurrentHashMap<>();
        private WebSocket socket;

        static DevTools connect(HttpClient http, String url) throws Exception {
            DevTools d = new DevTools();
            d.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), d)
                .get(10, TimeUnit.SECONDS);
            return d;
        }

        String evaluate(String expression) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            waiting.put(id, answer);
            Map<String, Object> call = Map.of("id", id, "method", "Runtime.evaluate", "params",
                Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
            socket.sendText(JSON.writeValueAsString(call), true).get(10, TimeUnit.SECONDS);
            JsonNode result = answer.get(30, TimeUnit.SECONDS);
            if (result.has("error")) {
                throw new IllegalStateException("devtools error: " + result.get("error"));
            }
            if (result.has("exceptionDetails")) {
                throw new AssertionError("page script failed: " + result.get("exceptionDetails"));
            }
            return result.path("result").path("value").asText();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> f = message.has("id") ? waiting.remove(message.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(message.has("error") ? message : message.get("result"));
                    }
                } catch (java.io.IOException e) {
                    waiting.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
