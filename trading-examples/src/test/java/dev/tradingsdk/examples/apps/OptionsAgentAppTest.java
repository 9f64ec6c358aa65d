package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.options.Black76;
import dev.tradingsdk.core.options.Greeks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent backend's offline scenario (approvals, rejections, each governor denial, the breaker, the halt and the
 * tenants' greeks) and its status endpoint's greeks.
 */
class OptionsAgentAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 09:30 in New York on the scripted day. */
    private static final Instant NINE_THIRTY = Instant.parse("2026-11-20T14:30:00Z");

    @TempDir
    Path dir;

    @Test
    void approvalsRejectionsDenialsBreakerAndHalt() throws Exception {
        AppRun run = AppRun.of("options-agent", "--out", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        String out = run.out();
        // CONFIRMATION: five proposals, three approved and executed, two rejected by the operator.
        assertThat(out).contains("proposal alpha-P2 (PENDING): SHORT ESZ6 5")
            .contains("operator rejects alpha-P3 -> REJECTED rejected by olivia: too much delta")
            .contains("alpha: BUY 10 ESZ6C5000 filled at 115.50").contains("alpha: SELL 5 ESZ6 filled at 4,999.75")
            .contains("beta: BUY 4 ESZ6 filled at 5,000.25");
        // AUTONOMOUS: each limit denies what breaches it.
        assertThat(out)
                .contains("alpha: BUY 20 ESZ6C5000 denied: [MAX_NET_DELTA: net delta on ES would go from 4.546000 to 513.638000")
            .contains("alpha: BUY 4 ESZ6P5000 denied: [SPREAD_TOO_WIDE")
            .contains("beta: BUY 2 ESZ6 denied: [MAX_DAILY_LOSS: account beta lost 15000.00 USD or more this session")
            .contains("alpha: SELL 1 ESZ6 denied: [MARKET_CLOSED");
        // Beta's round trip (4 long, closed by two sells of 2: a partial close is no round trip) loses 20,100.00
        // and trips its breaker; its next order meets the halt.
        assertThat(out).contains("beta: BUY 1 ESZ6 denied: [HALTED: trading is halted for account beta")
            .contains("beta halted: StateChange[scope=beta, from=ACTIVE, to=HALTED, who=circuit-breaker")
            .contains("cycles blocked by the halt (audited HALT_BLOCKED): 2");
        assertThat(out).contains("alpha: mode AUTONOMOUS, state HALTED, equity 1,001,687.50 USD, realized 0.00 USD, "
                + "fills 2, governor denials 3, proposals {EXECUTED=2, REJECTED=1}")
            .contains("beta: mode AUTONOMOUS, state HALTED, equity 979,900.00 USD, realized -20,100.00 USD, fills 3, "
                + "governor denials 2, proposals {EXECUTED=1, REJECTED=1}");
        // Alpha ends long 10 calls and short 5 futures (50 ES each), priced at the last quotes: ES 4,900.00 at 11:00.
        Greeks call = callAt(4900, NINE_THIRTY.plus(Duration.ofMinutes(90)));
        assertThat(out).contains(String.format(Locale.ROOT, "    alpha greeks on ES: net delta %.4f, gamma %.6f, "
                + "vega %.2f, theta %.2f%n", 500 * call.delta() - 250, 500 * call.gamma(), 500 * call.vega(),
                500 * call.theta()))
            .contains("    alpha greeks on ES: net delta -66.7584, ") // the figure the README's table quotes
            .contains("    beta greeks on ES: net delta 0.0000, gamma 0.000000, vega 0.00, theta 0.00");
        HtmlChecks.assertWellFormedAndSelfContained(Files.readString(dir.resolve("options-agent.html")));
    }

    @Test
    void theStatusEndpointShowsEachTenantsGreeks() throws Exception {
        String token = "greeks-token-0123";
        ServingApp app = ServingApp.start("options-agent", "--serve", "--port", "0", "--token", token,
            "--serve-seconds", "60", "--out", dir.toString());
        try {
            String base = app.await("serving on (http://127\\.0\\.0\\.1:\\d+/)#token=").group(1);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode before = JSON.readTree(call(http, "GET", base + "api/status", token));
            for (JsonNode tenant : before.get("tenants")) {
                JsonNode es = tenant.get("greeks").get(0);
                assertThat(es.get("underlying").asText()).isEqualTo("ES");
                assertThat(es.get("netDelta").asDouble()).isZero();
                assertThat(es.get("complete").asBoolean()).isTrue();
            }
            // Approving alpha-P1 buys 10 calls at the opening quotes: ES 5,000.00 at 09:30.
            assertThat(call(http, "POST", base + "api/proposals/alpha-P1/approve", token)).contains("\"EXECUTED\"");
            JsonNode after = JSON.readTree(call(http, "GET", base + "api/status", token));
            JsonNode alpha = after.get("tenants").get(0).get("greeks").get(0);
            Greeks call = callAt(5000, NINE_THIRTY);
            assertThat(alpha.get("netDelta").asDouble()).isCloseTo(500 * call.delta(), within(1e-9));
            assertThat(alpha.get("gamma").asDouble()).isCloseTo(500 * call.gamma(), within(1e-12));
            assertThat(alpha.get("vega").asDouble()).isCloseTo(500 * call.vega(), within(1e-6));
            assertThat(alpha.get("theta").asDouble()).isCloseTo(500 * call.theta(), within(1e-6));
            assertThat(alpha.get("netDelta").asDouble()).isBetween(250.0, 300.0);
            assertThat(after.get("tenants").get(1).get("greeks").get(0).get("netDelta").asDouble()).isZero();
        } finally {
            assertThat(app.stop()).as(app.err()).isZero();
        }
    }

    /** One ES Dec-26 5000 call (Black-76, 20 % volatility, 5 % rate, expiry 2026-12-18T14:30Z) at {@code now}. */
    private static Greeks callAt(double future, Instant now) {
        double years = Duration.between(now, Instant.parse("2026-12-18T14:30:00Z")).toNanos() / (365.0 * 86_400e9);
        return Black76.greeks(OptionRight.CALL, future, 5000, years, 0.05, 0.20, new Greeks());
    }

    private static String call(HttpClient http, String method, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
            "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aShortBearerTokenIsRefused() {
        AppRun run = AppRun.of("options-agent", "--serve", "--port", "0", "--token", "short", "--out", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: options-agent failed: the bearer token must have at least 8 characters"
            + System.lineSeparator());
    }
}
