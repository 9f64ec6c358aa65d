package dev.tradingsdk.examples.cli;

import java.nio.file.Path;

/** An input file that is missing or unreadable as what the app expects: one line naming the file, exit code 1. */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    public InputException(Path file, String problem) {
        this(file, problem, null);
    }
}
