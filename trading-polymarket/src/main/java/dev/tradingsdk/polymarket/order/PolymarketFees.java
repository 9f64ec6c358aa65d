package dev.tradingsdk.polymarket.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Exchange V2 fee formulas, in exact decimals. Platform (taker) fee for {@code contracts} shares at {@code price}:
 * {@code contracts × feeRate × (price × (1 − price))^feeExponent}; builder fee: {@code contracts × price ×
 * builderTakerFeeRate}. Round the result to 6 decimals (USDC units) only where it is paid.
 */
public final class PolymarketFees {
    private PolymarketFees() {
    }

    public static BigDecimal platformFee(BigDecimal contracts, BigDecimal price, BigDecimal feeRate, int feeExponent) {
        check(contracts, price);
        Objects.requireNonNull(feeRate, "feeRate");
        if (feeRate.signum() < 0) {
            throw new IllegalArgumentException("feeRate must not be negative, got " + feeRate);
        }
        if (feeExponent < 0 || feeExponent > 16) {
            throw new IllegalArgumentException("feeExponent must be in 0..16, got " + feeExponent);
        }
        BigDecimal variance = price.multiply(BigDecimal.ONE.subtract(price));
        return contracts.multiply(feeRate).multiply(variance.pow(feeExponent)).stripTrailingZeros();
    }

    public static BigDecimal builderFee(BigDecimal contracts, BigDecimal price, BigDecimal builderTakerFeeRate) {
        check(contracts, price);
        Objects.requireNonNull(builderTakerFeeRate, "builderTakerFeeRate");
        if (builderTakerFeeRate.signum() < 0) {
            throw new IllegalArgumentException("builderTakerFeeRate must not be negative, got " + builderTakerFeeRate);
        }
        return contracts.multiply(price).multiply(builderTakerFeeRate).stripTrailingZeros();
    }

    private static void check(BigDecimal contracts, BigDecimal price) {
        Objects.requireNonNull(contracts, "contracts");
        Objects.requireNonNull(price, "price");
        if (contracts.signum() < 0) {
            throw new IllegalArgumentException("contracts must not be negative, got " + contracts);
        }
        if (price.signum() <= 0 || price.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("price must lie strictly between 0 and 1, got " + price);
        }
    }
}
