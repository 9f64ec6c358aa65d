package dev.tradingsdk.core.sweep;

import java.nio.file.Path;

/**
 * Saved chunk results cannot be used: they belong to another sweep, or a file is damaged. Nothing is deleted; move
 * the directory away or point the executor at a fresh one.
 */
public final class SweepResumeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SweepResumeException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
