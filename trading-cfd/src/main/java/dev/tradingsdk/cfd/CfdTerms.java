package dev.tradingsdk.cfd;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.rules.MaxLeverageRule;
import dev.tradingsdk.core.risk.rules.MaxPositionPercentRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The trading conditions of a CFD account, immutable; build with {@link #builder()}.
 *
 * <ul>
 *   <li>commission: basis points of the fill's notional, per side, rounded up at 6 decimals (or the notional's
 *       precision if finer);</li>
 *   <li>spread: basis points of the mid, per asset class, used only when prices arrive as a mid
 *       ({@link CfdAccount#markMid}); quotes with a bid and ask are traded as they are;</li>
 *   <li>financing: annual rates in basis points for longs and for shorts (positive = the account pays,
 *       negative = it receives), charged on the notional at each rollover ({@code rolloverTime} UTC, daily) as
 *       {@code notional × rate / 10000 / 365}, rounded up (toward the provider) like commission;</li>
 *   <li>leverage: per-instrument limits ({@link LeverageLimits}), an optional account-wide maximum leverage
 *       (gross notional / equity, also capping each instrument's leverage) and an optional maximum position
 *       size as a percentage of equity;</li>
 *   <li>margin call and stop-out levels in percent of margin level (defaults 100 and 50).</li>
 * </ul>
 */
public final class CfdTerms {

    private static final long BPS = 10_000L;
    private static final long DAYS_PER_YEAR = 365L;
    private static final int CHARGE_PRECISION = 6;

    private final long commissionBps;
    private final Map<AssetClass, Long> spreadBps;
    private final long longFinancingBps;
    private final long shortFinancingBps;
    private final LocalTime rolloverTime;
    private final LeverageLimits leverageLimits;
    private final int maxLeverage;
    private final long maxPositionPercent;
    private final long marginCallPercent;
    private final long stopOutPercent;

    private CfdTerms(Builder b) {
        this.commissionBps = b.commissionBps;
        this.spreadBps = Map.copyOf(b.spreadBps);
        this.longFinancingBps = b.longFinancingBps;
        this.shortFinancingBps = b.shortFinancingBps;
        this.rolloverTime = b.rolloverTime;
        this.leverageLimits = b.leverageLimits;
        this.maxLeverage = b.maxLeverage;
        this.maxPositionPercent = b.maxPositionPercent;
        this.marginCallPercent = b.marginCallPercent;
        this.stopOutPercent = b.stopOutPercent;
    }

    /** ESMA retail leverage, no commission, spread or financing, margin call 100%, stop-out 50%. */
    public static CfdTerms defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these terms, to derive changed copies. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.commissionBps = commissionBps;
        b.spreadBps.putAll(spreadBps);
        b.longFinancingBps = longFinancingBps;
        b.shortFinancingBps = shortFinancingBps;
        b.rolloverTime = rolloverTime;
        b.leverageLimits = leverageLimits;
        b.maxLeverage = maxLeverage;
        b.maxPositionPercent = maxPositionPercent;
        b.marginCallPercent = marginCallPercent;
        b.stopOutPercent = stopOutPercent;
        return b;
    }

    public long commissionBps() {
        return commissionBps;
    }

    /** Spread in basis points of the mid for {@code assetClass}; 0 if none was set. */
    public long spreadBps(AssetClass assetClass) {
        return spreadBps.getOrDefault(assetClass, 0L);
    }

    public long longFinancingBps() {
        return longFinancingBps;
    }

    public long shortFinancingBps() {
        return shortFinancingBps;
    }

    /** Daily rollover time, UTC. */
    public LocalTime rolloverTime() {
        return rolloverTime;
    }

    public LeverageLimits leverageLimits() {
        return leverageLimits;
    }

    /** Account-wide maximum leverage; 0 means none. */
    public int maxLeverage() {
        return maxLeverage;
    }

    /** Maximum notional of one instrument as a percentage of equity; 0 means none. */
    public long maxPositionPercent() {
        return maxPositionPercent;
    }

    public long marginCallPercent() {
        return marginCallPercent;
    }

    public long stopOutPercent() {
        return stopOutPercent;
    }

    /**
     * The quote around {@code mid} with this spread for the instrument's asset class: half the spread each side,
     * rounded outwards to whole ticks (a non-zero spread is at least a tick each side), the bid at least a tick.
     * A mid with more decimals than the instrument's prices is refused.
     */
    public Quote quoteAroundMid(Instrument instrument, Price mid, Instant time) {
        if (mid.signum() <= 0) {
            throw new IllegalArgumentException("mid for " + instrument + " must be positive, was " + mid);
        }
        int p = instrument.pricePrecision();
        long midRaw = CfdMath.priceRaw(instrument, "mid", mid);
        long tick = instrument.tickRaw();
        long half = FixedMath.multiplyDivide(midRaw, spreadBps(instrument.assetClass()), 20_000L,
                RoundingMode.CEILING);
        long bid = FixedMath.divide(midRaw - half, tick, RoundingMode.FLOOR) * tick;
        // rounding up to a whole tick can pass Long.MAX_VALUE
        long ask = Math.multiplyExact(FixedMath.divide(Math.addExact(midRaw, half), tick, RoundingMode.CEILING),
                tick);
        Quantity none = Quantity.zero(instrument.sizePrecision());
        return new Quote(instrument, time, Price.ofRaw(Math.max(bid, tick), p), none, Price.ofRaw(ask, p), none);
    }

    /** Commission on a fill of {@code size} at {@code price}: see the class description. */
    public Money commission(Instrument instrument, Price price, Quantity size) {
        return atLeastChargePrecision(instrument.notional(price, size)).timesRatio(commissionBps, BPS,
                RoundingMode.CEILING);
    }

    /**
     * One rollover's financing of a position whose notional at its closing price is {@code notional}: positive
     * is paid by the account. See the class description.
     */
    public Money financing(boolean longPosition, Money notional) {
        long rate = longPosition ? longFinancingBps : shortFinancingBps;
        return atLeastChargePrecision(notional.abs()).timesRatio(rate, BPS * DAYS_PER_YEAR, RoundingMode.CEILING);
    }

    private static Money atLeastChargePrecision(Money amount) {
        return amount.precision() >= CHARGE_PRECISION ? amount
                : amount.withPrecision(CHARGE_PRECISION, RoundingMode.UNNECESSARY);
    }

    /**
     * The pre-trade rules these terms imply, in check order: {@link MaxLeverageRule} (if a maximum leverage is
     * set), {@link MaxPositionPercentRule} (if a maximum position is set) and {@link CfdMarginRule}.
     */
    public List<RiskRule> riskRules() {
        List<RiskRule> rules = new ArrayList<>(3);
        if (maxLeverage > 0) {
            rules.add(new MaxLeverageRule(BigDecimal.valueOf(maxLeverage)));
        }
        if (maxPositionPercent > 0) {
            rules.add(new MaxPositionPercentRule(BigDecimal.valueOf(maxPositionPercent)));
        }
        rules.add(new CfdMarginRule(this));
        return List.copyOf(rules);
    }

    /** Leverage used for margin on {@code instrument}: its limit, capped by the account-wide maximum if set. */
    public int leverageFor(Instrument instrument) {
        int limit = leverageLimits.leverageFor(instrument);
        return maxLeverage > 0 ? Math.min(limit, maxLeverage) : limit;
    }

    @Override
    public String toString() {
        return "CfdTerms[commissionBps=" + commissionBps + " spreadBps=" + spreadBps + " financingBps="
                + longFinancingBps + "/" + shortFinancingBps + " rollover=" + rolloverTime + "Z " + leverageLimits
                + " maxLeverage=" + maxLeverage + " maxPositionPercent=" + maxPositionPercent + " marginCall="
                + marginCallPercent + "% stopOut=" + stopOutPercent + "%]";
    }

    /**
     * Fluent builder; every setter checks its argument and names it when it refuses one, and each option (each asset
     * class's spread) takes one value: a second throws {@link IllegalStateException} naming both. A builder from
     * {@link CfdTerms#toBuilder()} starts with nothing set, so each copied value may be changed once.
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private long commissionBps;
        private final Map<AssetClass, Long> spreadBps = new EnumMap<>(AssetClass.class);
        private long longFinancingBps;
        private long shortFinancingBps;
        private LocalTime rolloverTime = LocalTime.of(22, 0);
        private LeverageLimits leverageLimits = LeverageLimits.esmaRetail();
        private int maxLeverage;
        private long maxPositionPercent;
        private long marginCallPercent = 100;
        private long stopOutPercent = 50;

        private Builder() {
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        public Builder commissionBps(long bps) {
            once("commissionBps", commissionBps, bps);
            this.commissionBps = nonNegative("commissionBps", bps);
            return this;
        }

        public Builder spreadBps(AssetClass assetClass, long bps) {
            once("spreadBps " + assetClass, spreadBps.get(assetClass), bps);
            spreadBps.put(Objects.requireNonNull(assetClass, "assetClass"), nonNegative("spreadBps", bps));
            return this;
        }

        /** Annual financing rates in basis points; positive is paid by the account, negative received. */
        public Builder financingBps(long longBps, long shortBps) {
            once("financingBps", longFinancingBps + "/" + shortFinancingBps, longBps + "/" + shortBps);
            this.longFinancingBps = longBps;
            this.shortFinancingBps = shortBps;
            return this;
        }

        public Builder rolloverTime(LocalTime utc) {
            once("rolloverTime", rolloverTime, utc);
            this.rolloverTime = Objects.requireNonNull(utc, "rolloverTime");
            return this;
        }

        public Builder leverageLimits(LeverageLimits limits) {
            once("leverageLimits", leverageLimits, limits);
            this.leverageLimits = Objects.requireNonNull(limits, "leverageLimits");
            return this;
        }

        /** Account-wide maximum leverage; 0 for none. */
        public Builder maxLeverage(int maxLeverage) {
            once("maxLeverage", this.maxLeverage, maxLeverage);
            this.maxLeverage = (int) nonNegative("maxLeverage", maxLeverage);
            return this;
        }

        /** Maximum notional per instrument as a percentage of equity; 0 for none. */
        public Builder maxPositionPercent(long percent) {
            once("maxPositionPercent", maxPositionPercent, percent);
            this.maxPositionPercent = nonNegative("maxPositionPercent", percent);
            return this;
        }

        /** Margin call and stop-out levels in percent; the stop-out must not be above the margin call. */
        public Builder marginLevels(long marginCallPercent, long stopOutPercent) {
            once("marginLevels", this.marginCallPercent + "/" + this.stopOutPercent, marginCallPercent + "/"
                    + stopOutPercent);
            nonNegative("marginCallPercent", marginCallPercent);
            nonNegative("stopOutPercent", stopOutPercent);
            if (stopOutPercent > marginCallPercent) {
                throw new IllegalArgumentException("stopOutPercent " + stopOutPercent
                        + " must not be above marginCallPercent " + marginCallPercent);
            }
            this.marginCallPercent = marginCallPercent;
            this.stopOutPercent = stopOutPercent;
            return this;
        }

        public CfdTerms build() {
            return new CfdTerms(this);
        }

        private static long nonNegative(String field, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(field + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
