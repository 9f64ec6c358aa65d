package dev.tradingsdk.polymarket.order;

import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.Liquidity;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Polymarket's taker fee, {@code shares × rate × (p × (1 − p))^exponent}, makers free. The rate and exponent come
 * from the market ({@code GET /clob-markets/{condition_id}} field {@code fd}, or Gamma's {@code feeSchedule}); they
 * are configuration here, not constants. The fee is rounded to 5 decimals (the CLOB's resolution; its rounding mode
 * is not published, half-up is assumed) and is always in collateral, as under exchange V2.
 *
 * <p>{@link #feePerShareCeilRaw} is the allocation-free upper bound a trading decision uses.
 */
public final class PolymarketFeeModel implements FeeModel {
    /** Fee resolution: 5 decimals. */
    public static final int FEE_DECIMALS = 5;
    private static final int RAW = 6;
    private static final long ONE = 1_000_000L;

    private final BigDecimal rate;
    private final int exponent;
    private final long rateRaw;

    private PolymarketFeeModel(BigDecimal rate, int exponent) {
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("rate must lie in [0, 1], got " + rate);
        }
        if (exponent != 1 && exponent != 2) {
            throw new IllegalArgumentException("exponent must be 1 or 2 (every schedule so far), got " + exponent);
        }
        this.rate = rate;
        this.exponent = exponent;
        this.rateRaw = FixedMath.fromBigDecimal(rate, RAW, RoundingMode.UNNECESSARY);
    }

    /** A taker fee of {@code rate} and {@code exponent}; the rate has at most 6 decimals. */
    public static PolymarketFeeModel of(String rate, int exponent) {
        return new PolymarketFeeModel(new BigDecimal(Objects.requireNonNull(rate, "rate")), exponent);
    }

    /** Crypto markets since Fee Structure V2 (2026-03-30): rate 0.07, exponent 1. */
    public static PolymarketFeeModel crypto() {
        return of("0.07", 1);
    }

    /** 15-minute crypto markets from 2026-01-05 to 2026-03-30: rate 0.25, exponent 2 (1.56 % at p = 0.5). */
    public static PolymarketFeeModel crypto15mJanuary2026() {
        return of("0.25", 2);
    }

    /** No fees (geopolitics, or a maker-only simulation). */
    public static PolymarketFeeModel free() {
        return of("0", 1);
    }

    public BigDecimal rate() {
        return rate;
    }

    public int exponent() {
        return exponent;
    }

    /** The exact taker fee of {@code shares} at {@code price}, rounded half-up to 5 decimals. */
    public BigDecimal takerFee(BigDecimal shares, BigDecimal price) {
        if (rate.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return PolymarketFees.platformFee(shares, price, rate, exponent).setScale(FEE_DECIMALS, RoundingMode.HALF_UP);
    }

    @Override
    public Money fee(Instrument instrument, Side side, Price price, Quantity quantity, Liquidity liquidity) {
        if (liquidity == Liquidity.MAKER || rate.signum() == 0) {
            return Money.zero(instrument.quoteCurrency());
        }
        BigDecimal fee = takerFee(quantity.toBigDecimal(), price.toBigDecimal());
        return Money.of(fee, RAW, RoundingMode.UNNECESSARY, instrument.quoteCurrency());
    }

    /**
     * An upper bound of the fee per share at {@code priceRaw} (6 decimals), in 6-decimal raw collateral: every
     * step rounds up, so a decision priced with it never under-counts the fee. Allocates nothing.
     */
    public long feePerShareCeilRaw(long priceRaw) {
        if (priceRaw <= 0 || priceRaw >= ONE || rateRaw == 0) {
            return 0;
        }
        long variance = ceilDiv(priceRaw * (ONE - priceRaw), ONE); // p(1-p) at 6 decimals, <= 250_000
        long factor = exponent == 1 ? variance : ceilDiv(variance * variance, ONE);
        return ceilDiv(factor * rateRaw, ONE);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public String toString() {
        return "PolymarketFeeModel[taker " + rate.toPlainString() + " × (p(1−p))^" + exponent + ", makers free]";
    }
}
