package dev.tradingsdk.polymarket.order;

import dev.tradingsdk.core.order.InvalidOrderException;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * makerAmount/takerAmount of an order in on-chain units (6 decimals), computed in exact decimal arithmetic.
 * BUY: maker = USDC paid, taker = shares received. SELL: maker = shares given, taker = USDC received.
 */
public record OrderAmounts(long makerAmount, long takerAmount) {
    private static final int TOKEN_DECIMALS = 6;
    /** The server's precision for market (FOK/FAK) orders: maker 2 decimals, taker 4. */
    private static final int MARKET_MAKER_DECIMALS = 2;
    private static final int MARKET_TAKER_DECIMALS = 4;

    /** How market-order amounts are rounded. */
    public enum MarketPrecision {
        /**
         * Clamped to what the server accepts for FOK/FAK orders (maker ≤ 2 decimals, taker ≤ 4), so they are
         * never rejected as "invalid amounts". The default for orders that are sent.
         */
        SERVER,
        /** The official clients' ROUNDING_CONFIG result (taker up to the tick's amount decimals). */
        CLIENT_ROUNDING_CONFIG
    }

    public OrderAmounts {
        if (makerAmount <= 0 || takerAmount <= 0) {
            throw new IllegalArgumentException("amounts must be positive, got maker " + makerAmount + ", taker "
                    + takerAmount);
        }
    }

    /**
     * A limit order for {@code size} shares at {@code price}. The size is truncated to 2 decimals, as every
     * official client does; the price must lie on the tick grid within [tick, 1 − tick].
     */
    public static OrderAmounts limit(Side side, BigDecimal price, BigDecimal size, TickSize tick) {
        Objects.requireNonNull(side, "side");
        checkPrice(price, tick);
        BigDecimal shares = truncatedSize(size, "size");
        // shares (2 dp) × price (tick dp) has at most tick dp + 2 = the tick's amount decimals: exact, no rounding.
        BigDecimal usdc = shares.multiply(price);
        return side == Side.BUY ? of(usdc, shares) : of(shares, usdc);
    }

    /**
     * A market order (FOK/FAK) with server-safe precision; see {@link #market(Side, BigDecimal, BigDecimal, TickSize,
     * MarketPrecision)}.
     */
    public static OrderAmounts market(Side side, BigDecimal price, BigDecimal amount, TickSize tick) {
        return market(side, price, amount, tick, MarketPrecision.SERVER);
    }

    /**
     * A market order: BUY {@code amount} is USDC to spend, SELL {@code amount} is shares to sell; {@code price}
     * is the worst acceptable price (on the tick grid).
     */
    public static OrderAmounts market(Side side, BigDecimal price, BigDecimal amount, TickSize tick,
            MarketPrecision precision) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(precision, "precision");
        checkPrice(price, tick);
        BigDecimal maker = truncatedSize(amount, "amount");
        int decimals = tick.amountDecimals();
        BigDecimal taker;
        if (side == Side.BUY) {
            // The official clients round the quotient up at (decimals + 4) places, then truncate to decimals.
            taker = maker.divide(price, decimals + 4, RoundingMode.CEILING).setScale(decimals, RoundingMode.DOWN);
        } else {
            taker = maker.multiply(price);
        }
        if (precision == MarketPrecision.SERVER) {
            maker = maker.setScale(MARKET_MAKER_DECIMALS, RoundingMode.DOWN);
            taker = taker.setScale(Math.min(taker.scale(), MARKET_TAKER_DECIMALS), RoundingMode.DOWN);
        }
        if (taker.signum() <= 0) {
            throw new InvalidOrderException("amount", amount.toPlainString(), "at price " + price.toPlainString()
                    + " gives a zero taker amount");
        }
        return of(maker, taker);
    }

    /** Checks tick ≤ price ≤ 1 − tick and the tick grid; throws {@link InvalidOrderException} naming the price. */
    public static void checkPrice(BigDecimal price, TickSize tick) {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(tick, "tick");
        BigDecimal max = BigDecimal.ONE.subtract(tick.value());
        if (price.compareTo(tick.value()) < 0 || price.compareTo(max) > 0) {
            throw new InvalidOrderException("price", price.toPlainString(), "must lie in [" + tick + ", "
                    + max.toPlainString() + "] for tick size " + tick);
        }
        if (price.remainder(tick.value()).signum() != 0) {
            throw new InvalidOrderException("price", price.toPlainString(), "is not a multiple of the tick size "
                    + tick);
        }
    }

    private static BigDecimal truncatedSize(BigDecimal size, String field) {
        Objects.requireNonNull(size, field);
        BigDecimal truncated = size.setScale(TickSize.SIZE_DECIMALS, RoundingMode.DOWN);
        if (truncated.signum() <= 0) {
            throw new InvalidOrderException(field, size.toPlainString(),
                    "must be at least 0.01 (sizes are truncated to 2 decimals)");
        }
        return truncated;
    }

    private static OrderAmounts of(BigDecimal maker, BigDecimal taker) {
        return new OrderAmounts(toUnits(maker), toUnits(taker));
    }

    private static long toUnits(BigDecimal value) {
        // Every path above keeps at most 6 decimals, so this is exact; longValueExact throws on overflow.
        return value.movePointRight(TOKEN_DECIMALS).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }
}
