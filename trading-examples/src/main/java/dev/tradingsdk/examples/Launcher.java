package dev.tradingsdk.examples;

import dev.tradingsdk.examples.agent.OptionsAgentApp;
import dev.tradingsdk.examples.cli.CommandLine;
import dev.tradingsdk.examples.cli.ExampleApp;
import dev.tradingsdk.examples.cli.InputException;
import dev.tradingsdk.examples.cli.ParsedOptions;
import dev.tradingsdk.examples.cli.UsageException;
import dev.tradingsdk.examples.competition.CompetitionApp;
import dev.tradingsdk.examples.council.CouncilApp;
import dev.tradingsdk.examples.sweep.ParameterSweepApp;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The jar's main: {@code java -jar trading-examples.jar} lists the apps, {@code <app> --help} prints an app's
 * options, {@code <app> [options]} runs it. A bad command line is one line on stderr and exit code 2; a bad input
 * file or a failure is one line and exit code 1 (set {@code TRADING_EXAMPLES_DEBUG=1} for the stack trace).
 */
public final class Launcher {

    /** Exit code of a bad command line (unknown app or option, bad value). */
    public static final int USAGE = 2;
    /** Exit code of a bad input file or a failed run. */
    public static final int FAILED = 1;

    private Launcher() {
    }

    /** The apps, in the order they are listed. */
    public static List<ExampleApp> apps() {
        return List.of(new CompetitionApp(), new PolymarketApp(), new KalshiApp(), new OptionsAgentApp(), new CouncilApp(),
            new ParameterSweepApp(),
            new QuickstartApp());
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(list());
            return 0;
        }
        ExampleApp app = apps().stream().filter(a -> a.name().equals(args[0])).findFirst().orElse(null);
        if (app == null) {
            err.println("error: unknown app '" + args[0] + "'; the apps are " + String.join(", ",
                apps().stream().map(ExampleApp::name).toList()) + " (run without arguments for the list)");
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (CommandLine.wantsHelp(rest)) {
            out.print(CommandLine.help(app));
            return 0;
        }
        try {
            ParsedOptions options = CommandLine.parse(app, rest);
            return app.run(options, out);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (InputException e) {
            err.println("error: " + app.name() + ": " + e.getMessage());
            debug(e, err);
            return FAILED;
        } catch (Exception e) {
            err.println("error: " + app.name() + " failed: " + oneLine(e));
            debug(e, err);
            return FAILED;
        }
    }

    static String list() {
        StringBuilder s = new StringBuilder("Trading SDK examples: java -jar trading-examples/target/trading-examples.jar "
            + "<app> [options]\n\napps:\n");
        int width = apps().stream().mapToInt(a -> a.name().length()).max().orElse(0);
        for (ExampleApp a : apps()) {
            s.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", a.name(), a.summary()));
        }
        s.append("\nEvery app runs offline by default; <app> --help lists its options and the keys that switch it to "
            + "real services.\n");
        return s.toString();
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void debug(Throwable e, PrintStream err) {
        if ("1".equals(System.getenv("TRADING_EXAMPLES_DEBUG"))) {
            e.printStackTrace(err);
        }
    }
}
