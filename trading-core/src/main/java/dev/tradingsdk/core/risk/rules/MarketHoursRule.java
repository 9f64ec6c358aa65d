package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.TradingCalendar;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Rejects orders outside the sessions of a {@link TradingCalendar}. The sessions of the current local day are
 * cached as epoch nanoseconds, so a check allocates only when the day changes.
 */
public final class MarketHoursRule implements RiskRule {

    public static final String CODE = "MARKET_CLOSED";

    private final TradingCalendar calendar;
    private long dayStartNanos = Long.MAX_VALUE;
    private long dayEndNanos = Long.MIN_VALUE;
    private long[] sessions = new long[0];

    public MarketHoursRule(TradingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        long now = context.nowNanos();
        if (now < dayStartNanos || now >= dayEndNanos) {
            loadDay(now);
        }
        long[] bounds = sessions;
        for (int i = 0; i < bounds.length; i += 2) {
            if (now >= bounds[i] && now < bounds[i + 1]) {
                return RuleResult.pass();
            }
        }
        return RiskViolation.of(CODE, "the market for " + context.instrument() + " is closed at "
                + EpochNanos.toInstant(now).atZone(calendar.zone()));
    }

    private void loadDay(long now) {
        LocalDate day = EpochNanos.toInstant(now).atZone(calendar.zone()).toLocalDate();
        dayStartNanos = calendar.startOfDayNanos(day);
        dayEndNanos = calendar.startOfDayNanos(day.plusDays(1));
        sessions = calendar.sessionNanosOn(day);
    }
}
