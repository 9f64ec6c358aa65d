package dev.tradingsdk.core.order;

import java.util.concurrent.atomic.AtomicLong;

/** The id the client gives an order, unique per account; 1-64 characters of {@code [A-Za-z0-9_.:-]}. */
public record ClientOrderId(String value) {

    private static final int MAX_LENGTH = 64;

    public ClientOrderId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("clientOrderId must be 1-64 characters of [A-Za-z0-9_.:-], was \""
                    + value + "\"");
        }
    }

    /**
     * The check of the class comment, character by character: an id is made on every order, and a regular
     * expression's matcher costs about 200 bytes per call.
     */
    private static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-';
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    public static ClientOrderId of(String value) {
        return new ClientOrderId(value);
    }

    /** A deterministic sequence of ids {@code prefix-1, prefix-2, ...}; thread-safe. */
    public static Generator sequence(String prefix) {
        return new Generator(prefix);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Issues ids from a counter, so backtests get the same ids on every run. */
    public static final class Generator {
        private final String prefix;
        private final AtomicLong next = new AtomicLong();

        private Generator(String prefix) {
            new ClientOrderId(prefix);
            this.prefix = prefix;
        }

        public ClientOrderId next() {
            return new ClientOrderId(prefix + "-" + next.incrementAndGet());
        }
    }
}
