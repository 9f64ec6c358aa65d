package dev.tradingsdk.examples;

import dev.tradingsdk.examples.cli.ExampleApp;
import dev.tradingsdk.examples.cli.Option;
import dev.tradingsdk.examples.cli.ParsedOptions;
import java.io.PrintStream;
import java.util.List;

/** The SDK tour ({@link QuickstartExample}) behind the launcher. */
public final class QuickstartApp implements ExampleApp {

    @Override
    public String name() {
        return "quickstart";
    }

    @Override
    public String summary() {
        return "a tour of core: exact money, a risk check, an L2 book replay and a backtest with its report";
    }

    @Override
    public String description() {
        return """
            A position and a cash account from Yahoo BTC-USD bars, a pre-trade risk check, an L2 book replayed from
            a recorded Polymarket market and a moving-average backtest with its HTML report. Offline, no keys.""";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("out", "DIR", "target/trading-examples/quickstart", "where the HTML report goes"));
    }

    @Override
    public int run(ParsedOptions options, PrintStream out) {
        QuickstartExample.run(out, options.path("out").resolve("quickstart.html"));
        return 0;
    }
}
