package dev.tradingsdk.examples.cli;

/** A bad command line: unknown app or option, a missing or malformed value. Printed as one line, exit code 2. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
