package dev.tradingsdk.core.order;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** The id the client gives an order, unique per account; 1-64 characters of {@code [A-Za-z0-9_.:-]}. */
public record ClientOrderId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

    public ClientOrderId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("clientOrderId must be 1-64 characters of [A-Za-z0-9_.:-], was \""
                    + value + "\"");
        }
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
