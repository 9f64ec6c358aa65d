package dev.tradingsdk.examples.cli;

import java.io.PrintStream;
import java.util.List;

/** One runnable use case of the launcher. */
public interface ExampleApp {

    /** The name typed after the jar: {@code java -jar trading-examples.jar <name>}. */
    String name();

    /** One line for the launcher's list. */
    String summary();

    /** What the app does and which environment variables switch it to real services; shown by {@code --help}. */
    String description();

    List<Option> options();

    /**
     * Runs the app; prints progress and a summary to {@code out}.
     *
     * @return the process exit code (0 on success)
     */
    int run(ParsedOptions options, PrintStream out) throws Exception;
}
