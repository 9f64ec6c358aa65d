package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of {@link PairCostArbitrage}; every value is checked when built, naming the field and value. Prices
 * and shares are exact decimals, held raw at 6 decimals.
 *
 * @param targetRaw           buy a leg only while its all-in price plus the other leg's stays below this
 * @param hedgeLimitRaw       the equalizer never pays a price that puts the pair at or above this
 * @param chunkRaw            shares per order
 * @param maxDeltaRaw         largest |YES − NO| shares any order may leave
 * @param liquidityMultiple   the other leg's best-ask size must be at least this × the order size
 * @param legRiskSharesRaw    an unhedged delta above this is acted on at once
 * @param legRiskTime         an unhedged delta older than this is hedged, or unwound when hedging costs too much
 * @param staleAfter          a book older than this is not traded on
 * @param maxBookSkew         both legs' books must be this close in time for a pair decision (the two tokens'
 *                            books update separately; combining a fresh one with an older one shows false prices)
 * @param settlementBuffer    no new exposure from {@code end − buffer}; resting orders are canceled then
 * @param equalizerPeriod     how often the equalizer runs (default 1 s)
 * @param riskPeriod          how often the risk loop runs (default 5 s)
 * @param capitalRaw          capital the stop-loss percentage refers to
 * @param stopLossPercent     mark-to-market loss, in percent of capital, that liquidates
 * @param fees                the taker fee of the market
 * @param mode                maker quotes and taking ({@link QuotingMode#MAKER_AND_TAKER}, the default) or taking only
 */
public record PairCostConfig(long targetRaw, long hedgeLimitRaw, long chunkRaw, long maxDeltaRaw, long liquidityMultiple,
        long legRiskSharesRaw, Duration legRiskTime, Duration staleAfter, Duration maxBookSkew, Duration settlementBuffer,
        Duration equalizerPeriod, Duration riskPeriod, long capitalRaw, BigDecimal stopLossPercent,
        PolymarketFeeModel fees, QuotingMode mode) {
    private static final int RAW = 6;

    public PairCostConfig {
        Objects.requireNonNull(legRiskTime, "legRiskTime");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(maxBookSkew, "maxBookSkew");
        Objects.requireNonNull(settlementBuffer, "settlementBuffer");
        Objects.requireNonNull(equalizerPeriod, "equalizerPeriod");
        Objects.requireNonNull(riskPeriod, "riskPeriod");
        Objects.requireNonNull(stopLossPercent, "stopLossPercent");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(mode, "mode");
        if (targetRaw <= 0 || targetRaw >= 1_000_000) {
            throw new IllegalArgumentException("target must lie strictly between 0 and 1, got " + format(targetRaw));
        }
        if (hedgeLimitRaw < targetRaw || hedgeLimitRaw > 1_000_000) {
            throw new IllegalArgumentException("hedgeLimit must lie in [target " + format(targetRaw) + ", 1], got "
                    + format(hedgeLimitRaw));
        }
        if (chunkRaw <= 0) {
            throw new IllegalArgumentException("chunk must be positive, got " + format(chunkRaw));
        }
        if (maxDeltaRaw < chunkRaw) {
            throw new IllegalArgumentException("maxDelta " + format(maxDeltaRaw) + " must be at least one chunk "
                    + format(chunkRaw));
        }
        if (legRiskSharesRaw < 0 || legRiskSharesRaw > maxDeltaRaw) {
            throw new IllegalArgumentException("legRiskShares must lie in [0, maxDelta " + format(maxDeltaRaw)
                    + "], got " + format(legRiskSharesRaw));
        }
        if (liquidityMultiple < 1) {
            throw new IllegalArgumentException("liquidityMultiple must be at least 1, got " + liquidityMultiple);
        }
        for (Duration d : new Duration[] {legRiskTime, staleAfter, equalizerPeriod, riskPeriod}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive, got " + d);
            }
        }
        if (maxBookSkew.isNegative()) {
            throw new IllegalArgumentException("maxBookSkew must not be negative, got " + maxBookSkew);
        }
        if (settlementBuffer.isNegative()) {
            throw new IllegalArgumentException("settlementBuffer must not be negative, got " + settlementBuffer);
        }
        if (capitalRaw <= 0) {
            throw new IllegalArgumentException("capital must be positive, got " + format(capitalRaw));
        }
        if (stopLossPercent.signum() <= 0 || stopLossPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("stopLossPercent must lie in (0, 100], got " + stopLossPercent);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The stop-loss as a raw collateral amount: capital × percent / 100, rounded down. */
    public long stopLossRaw() {
        return FixedMath.fromBigDecimal(BigDecimal.valueOf(capitalRaw, RAW).multiply(stopLossPercent)
                .movePointLeft(2), RAW, RoundingMode.DOWN);
    }

    private static String format(long raw) {
        return FixedMath.format(raw, RAW);
    }

    /**
     * Defaults: target 0.98, hedge limit 0.995, chunk 10, max delta 20, k = 3, leg risk one chunk for 2 s, books
     * stale after 3 s, books at most 250 ms apart, 60 s settlement buffer, equalizer 1 s, risk loop 5 s, capital
     * 1,000, stop-loss 5 %, the current crypto taker fee, maker quotes and taking. Each option takes one value: a
     * second throws {@link IllegalStateException} naming both.
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private String target = "0.98";
        private String hedgeLimit = "0.995";
        private String chunk = "10";
        private String maxDelta = "20";
        private long liquidityMultiple = 3;
        private String legRiskShares;
        private Duration legRiskTime = Duration.ofSeconds(2);
        private Duration staleAfter = Duration.ofSeconds(3);
        private Duration maxBookSkew = Duration.ofMillis(250);
        private Duration settlementBuffer = Duration.ofSeconds(60);
        private Duration equalizerPeriod = Duration.ofSeconds(1);
        private Duration riskPeriod = Duration.ofSeconds(5);
        private String capital = "1000";
        private String stopLossPercent = "5";
        private PolymarketFeeModel fees = PolymarketFeeModel.crypto();
        private QuotingMode mode = QuotingMode.MAKER_AND_TAKER;

        private Builder() {
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        public Builder target(String pairCost) {
            once("target", target, pairCost);
            this.target = pairCost;
            return this;
        }

        public Builder hedgeLimit(String pairCost) {
            once("hedgeLimit", hedgeLimit, pairCost);
            this.hedgeLimit = pairCost;
            return this;
        }

        public Builder chunk(String shares) {
            once("chunk", chunk, shares);
            this.chunk = shares;
            return this;
        }

        public Builder maxDelta(String shares) {
            once("maxDelta", maxDelta, shares);
            this.maxDelta = shares;
            return this;
        }

        public Builder liquidityMultiple(long k) {
            once("liquidityMultiple", liquidityMultiple, k);
            this.liquidityMultiple = k;
            return this;
        }

        /** Unhedged shares tolerated for {@code time}; default one chunk for 2 s. */
        public Builder legRisk(String shares, Duration time) {
            once("legRisk", legRiskShares + " for " + legRiskTime, shares + " for " + time);
            this.legRiskShares = shares;
            this.legRiskTime = time;
            return this;
        }

        public Builder staleAfter(Duration age) {
            once("staleAfter", staleAfter, age);
            this.staleAfter = age;
            return this;
        }

        public Builder maxBookSkew(Duration skew) {
            once("maxBookSkew", maxBookSkew, skew);
            this.maxBookSkew = skew;
            return this;
        }

        public Builder settlementBuffer(Duration buffer) {
            once("settlementBuffer", settlementBuffer, buffer);
            this.settlementBuffer = buffer;
            return this;
        }

        public Builder equalizerPeriod(Duration period) {
            once("equalizerPeriod", equalizerPeriod, period);
            this.equalizerPeriod = period;
            return this;
        }

        public Builder riskPeriod(Duration period) {
            once("riskPeriod", riskPeriod, period);
            this.riskPeriod = period;
            return this;
        }

        public Builder stopLoss(String capitalAmount, String percentOfCapital) {
            once("stopLoss", stopLossPercent + " % of " + capital, percentOfCapital + " % of " + capitalAmount);
            this.capital = capitalAmount;
            this.stopLossPercent = percentOfCapital;
            return this;
        }

        public Builder fees(PolymarketFeeModel model) {
            once("fees", fees, model);
            this.fees = Objects.requireNonNull(model, "fees");
            return this;
        }

        public Builder mode(QuotingMode quotingMode) {
            once("mode", mode, quotingMode);
            this.mode = Objects.requireNonNull(quotingMode, "mode");
            return this;
        }

        public PairCostConfig build() {
            long chunkRaw = raw("chunk", chunk);
            return new PairCostConfig(raw("target", target), raw("hedgeLimit", hedgeLimit), chunkRaw,
                    raw("maxDelta", maxDelta), liquidityMultiple,
                    legRiskShares == null ? chunkRaw : raw("legRiskShares", legRiskShares), legRiskTime, staleAfter,
                    maxBookSkew, settlementBuffer, equalizerPeriod, riskPeriod, raw("capital", capital),
                    parse("stopLossPercent", stopLossPercent), fees, mode);
        }

        private static BigDecimal parse(String field, String text) {
            try {
                return new BigDecimal(Objects.requireNonNull(text, field));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " must be a decimal, got '" + text + "'", e);
            }
        }

        private static long raw(String field, String text) {
            try {
                return FixedMath.fromBigDecimal(parse(field, text), RAW, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(field + " has more than " + RAW + " decimals: " + text, e);
            }
        }
    }
}
