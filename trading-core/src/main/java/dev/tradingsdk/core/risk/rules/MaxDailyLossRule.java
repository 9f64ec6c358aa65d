package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.risk.internal.RawValuation;
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
 * account's realized + unrealized P&amp;L at the session start minus the same figure now. Sessions start each
 * day at {@code sessionStart} in the account's time zone. The baseline of an account is taken when the
 * session's first order is accepted ({@link #onAccepted}), or set with {@link #startSession}; until then the
 * session has no loss to measure. {@link #check} only reads: a rejected order (by this rule or a later one)
 * moves no baseline and rolls no session. Orders that reduce a position still pass.
 */
public final class MaxDailyLossRule implements RiskRule {

    public static final String CODE = "MAX_DAILY_LOSS";

    private final Money limit;
    private final long limitRaw;
    private final ZoneId zone;
    private final LocalTime sessionStart;
    /** The last session looked up: {start, end} in epoch nanos; a cache, replaced whole so reads never tear. */
    private volatile long[] session = {Long.MAX_VALUE, Long.MIN_VALUE};
    /** Per account: {session start nanos, P&amp;L raw at that session's baseline}. */
    private final Map<String, long[]> baselines = new HashMap<>();
    /** What the last {@link #onAccepted} replaced, so {@link #onAcceptanceRevoked} can put it back. */
    private String acceptedAccount;
    private long[] replacedBaseline;

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

    /** Sets the P&amp;L baseline of {@code accountId} for the session containing {@code nowNanos}. */
    public synchronized void startSession(String accountId, Money pnlAtStart, long nowNanos) {
        Objects.requireNonNull(accountId, "accountId");
        baselines.put(accountId, new long[] {sessionOf(nowNanos)[0], RawValuation.moneyRaw(pnlAtStart)});
    }

    @Override
    public synchronized RuleResult check(RiskContext context) {
        AccountView account = context.account();
        if (!limit.currency().equals(account.currency())) {
            return RiskViolation.of(RiskContext.CURRENCY_MISMATCH, CODE + " limit " + limit
                    + " is not in the account currency " + account.currency());
        }
        long[] baseline = baselines.get(account.accountId());
        if (baseline == null || baseline[0] != sessionOf(context.nowNanos())[0] || context.reducesPosition()) {
            return RuleResult.pass();
        }
        long loss = Math.subtractExact(baseline[1], pnl(account));
        if (loss < limitRaw) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "account " + account.accountId() + " lost " + limit
                + " or more this session", limitRaw, loss, RiskContext.MONEY_PRECISION);
    }

    /** Takes the session's baseline at its first accepted order. */
    @Override
    public synchronized void onAccepted(RiskContext context) {
        AccountView account = context.account();
        long[] current = sessionOf(context.nowNanos());
        long[] baseline = baselines.get(account.accountId());
        acceptedAccount = null;
        if (baseline == null || baseline[0] != current[0]) {
            acceptedAccount = account.accountId();
            replacedBaseline = baseline;
            baselines.put(acceptedAccount, new long[] {current[0], pnl(account)});
        }
    }

    @Override
    public synchronized void onAcceptanceRevoked(RiskContext context) {
        if (acceptedAccount == null || !acceptedAccount.equals(context.account().accountId())) {
            return;
        }
        if (replacedBaseline == null) {
            baselines.remove(acceptedAccount);
        } else {
            baselines.put(acceptedAccount, replacedBaseline);
        }
        acceptedAccount = null;
        replacedBaseline = null;
    }

    private static long pnl(AccountView account) {
        return Math.addExact(RawValuation.moneyRaw(account.realizedPnl()),
                RawValuation.moneyRaw(account.unrealizedPnl()));
    }

    /**
     * The session {start, end} containing {@code now}: the cached one, or computed afresh and cached (a lookup
     * cache only: no baseline moves). The check of a new session's first order computes it, so its acceptance
     * does not compute it again: the date arithmetic allocates several hundred bytes.
     */
    private long[] sessionOf(long now) {
        long[] cached = session;
        if (now >= cached[0] && now < cached[1]) {
            return cached;
        }
        ZonedDateTime local = EpochNanos.toInstant(now).atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(sessionStart) ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        long[] computed = {EpochNanos.of(day.atTime(sessionStart).atZone(zone).toInstant()),
            EpochNanos.of(day.plusDays(1).atTime(sessionStart).atZone(zone).toInstant())};
        session = computed;
        return computed;
    }
}
