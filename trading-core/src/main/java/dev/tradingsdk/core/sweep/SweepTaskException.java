package dev.tradingsdk.core.sweep;

/** One run of a sweep failed; names the sweep, the configuration and its index. The cause is the task's error. */
public final class SweepTaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final String configuration;

    public SweepTaskException(String sweep, int index, ParameterSet configuration, Throwable cause) {
        super("sweep " + sweep + ": configuration " + index + " " + configuration + " failed: " + cause, cause);
        this.index = index;
        this.configuration = configuration.canonical();
    }

    public int index() {
        return index;
    }

    /** The failed configuration, as {@link ParameterSet#canonical()}. */
    public String configuration() {
        return configuration;
    }
}
