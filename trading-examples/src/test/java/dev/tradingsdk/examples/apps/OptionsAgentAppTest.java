package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent backend's offline scenario: approvals, rejections, each governor denial, the breaker and the halt. */
class OptionsAgentAppTest {

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
        HtmlChecks.assertWellFormedAndSelfContained(Files.readString(dir.resolve("options-agent.html")));
    }

    @Test
    void aShortBearerTokenIsRefused() {
        AppRun run = AppRun.of("options-agent", "--serve", "--port", "0", "--token", "short", "--out", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: options-agent failed: the bearer token must have at least 8 characters"
            + System.lineSeparator());
    }
}
