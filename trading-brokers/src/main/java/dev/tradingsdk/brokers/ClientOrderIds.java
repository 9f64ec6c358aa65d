package dev.tradingsdk.brokers;

import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.time.Clock;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Client order ids that stay unique across restarts of the process: {@code prefix-<millis>-<random>-<n>} in base
 * 36, at most 44 characters, within what every adapter's venue accepts (Alpaca allows 48). A restarted process
 * gets a new random part, so its ids never repeat an earlier run's even when the clock steps back.
 */
public final class ClientOrderIds {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,12}");

    private final String prefix;
    private final Clock clock;
    private final String runPart;
    private final AtomicLong sequence = new AtomicLong();

    private ClientOrderIds(String prefix, Clock clock, Random random) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("client order id prefix must be 1-12 letters or digits, was \"" + prefix
                    + "\"");
        }
        this.prefix = prefix;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runPart = Long.toString(Math.floorMod(random.nextLong(), 36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    /** Ids under {@code prefix} from the system clock and a secure random run part. */
    public static ClientOrderIds of(String prefix) {
        return new ClientOrderIds(prefix, Clock.system(), new SecureRandom());
    }

    /** For tests and replays: the clock and random source given. */
    public static ClientOrderIds of(String prefix, Clock clock, Random random) {
        return new ClientOrderIds(prefix, clock, Objects.requireNonNull(random, "random"));
    }

    public ClientOrderId next() {
        long millis = clock.epochNanos() / 1_000_000L;
        return ClientOrderId.of(prefix + "-" + Long.toString(millis, 36) + "-" + runPart + "-"
                + Long.toString(sequence.incrementAndGet(), 36));
    }
}
