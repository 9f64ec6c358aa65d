package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Rejects an order when {@code maxOrders} orders were already accepted in the last {@code interval} (a sliding
 * window: an acceptance at time t counts until t + interval, exclusive). Counts the orders this governor
 * accepted, across its accounts.
 */
public final class OrderRateThrottleRule implements RiskRule {

    public static final String CODE = "ORDER_RATE";

    private final int maxOrders;
    private final Duration interval;
    private final long intervalNanos;
    /** Acceptance times, a ring of the last {@code maxOrders}; {@code next} is the oldest once full. */
    private final long[] accepted;
    private int next;
    private int count;
    /** What the last {@link #onAccepted} overwrote, so {@link #onAcceptanceRevoked} can put it back. */
    private long overwritten;
    private boolean counted;

    public OrderRateThrottleRule(int maxOrders, Duration interval) {
        this.maxOrders = Arguments.positive("maxOrders", maxOrders);
        this.interval = Arguments.positive("interval", interval);
        this.intervalNanos = interval.toNanos();
        this.accepted = new long[maxOrders];
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        if (count < maxOrders) {
            return RuleResult.pass();
        }
        long oldest = accepted[next];
        long now = context.nowNanos();
        if (now - oldest >= intervalNanos) {
            return RuleResult.pass();
        }
        return new RiskViolation(CODE, maxOrders + " orders were already accepted within " + interval,
                BigDecimal.valueOf(maxOrders), BigDecimal.valueOf(maxOrders + 1L));
    }

    @Override
    public void onAccepted(RiskContext context) {
        overwritten = accepted[next];
        accepted[next] = context.nowNanos();
        next = next + 1 == maxOrders ? 0 : next + 1;
        counted = count < maxOrders;
        if (counted) {
            count++;
        }
    }

    @Override
    public void onAcceptanceRevoked(RiskContext context) {
        next = next == 0 ? maxOrders - 1 : next - 1;
        accepted[next] = overwritten;
        if (counted) {
            count--;
        }
    }
}
