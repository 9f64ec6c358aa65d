package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.gateway.AccountView;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Stops new exposure once an account has lost {@code limit} or more in the current session: the loss is the
 * account's realized + unrealized P&L at the session start minus the same figure now. Sessions start each
 * day at {@code sessionStart} in the account's time zone. The baseline of an account is taken at its first
 * check in a session, or set with {@link #startSession}. Orders that reduce a position still pass.
 */
public final class MaxDailyLossRule implements RiskRule {

    public static final String CODE = "MAX_DAILY_LOSS";

    private final Money limit;
    private final long limitRaw;
    private final ZoneId zone;
    private final LocalTime sessionStart;
    private long sessionStartNanos = Long.MAX_VALUE;
    private long sessionEndNanos = Long.MIN_VALUE;
    private final Map<String, long[]> baselines = new HashMap<>();

    /** Sessions start at local midnight in {@code zone}. */
    public MaxDailyLossRule(Money limit, ZoneId zone) {
        this(limit, zone, LocalTime.MIDNIGHT);
    }

    public MaxDailyLossRule(Money limit, ZoneId zone, LocalTime sessionStart) {
        this.limitRaw = Arguments.positiveMoneyRaw("limit", limit, RiskContext.MONEY_PRECISION);
        this.limit = limit;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sessionStart = Objects.requireNonNull(sessionStart, "sessionStart");
    }

    @Override
    public String code() {
        return CODE;
    }

    /** Sets the P&L baseline of {@code accountId} for the session containing {@code nowNanos}. */
    public void startSession(String accountId, Money pnlAtStart, long nowNanos) {
        Objects.requireNonNull(accountId, "accountId");
        rollSession(nowNanos);
        baselines.put(accountId, new long[] {RiskContext.moneyRaw(pnlAtStart)});
    }

    @Override
    public RuleResult check(RiskContext context) {
        AccountView account = context.account();
        if (!limit.currency().equals(account.currency())) {
            return RiskViolation.of(RiskContext.CURRENCY_MISMATCH, CODE + " limit " + limit
                    + " is not in the account currency " + account.currency());
        }
        rollSession(context.nowNanos());
        long pnl = Math.addExact(RiskContext.moneyRaw(account.realizedPnl()),
                RiskContext.moneyRaw(account.unrealizedPnl()));
        long[] baseline = baselines.get(account.accountId());
        if (baseline == null) {
            baseline = new long[] {pnl};
            baselines.put(account.accountId(), baseline);
        }
        long loss = Math.subtractExact(baseline[0], pnl);
        if (loss < limitRaw || context.reducesPosition()) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "account " + account.accountId() + " lost " + limit
                + " or more this session", limitRaw, loss, RiskContext.MONEY_PRECISION);
    }

    private void rollSession(long now) {
        if (now >= sessionStartNanos && now < sessionEndNanos) {
            return;
        }
        ZonedDateTime local = EpochNanos.toInstant(now).atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(sessionStart) ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        sessionStartNanos = nanos(day.atTime(sessionStart).atZone(zone));
        sessionEndNanos = nanos(day.plusDays(1).atTime(sessionStart).atZone(zone));
        baselines.clear();
    }

    private static long nanos(ZonedDateTime time) {
        return Math.addExact(Math.multiplyExact(time.toEpochSecond(), 1_000_000_000L), time.getNano());
    }
}
