package dev.tradingsdk.polymarket.order;

import java.math.BigDecimal;

/**
 * The CLOB's price grid sizes with the rounding the official clients apply: price decimals, size decimals
 * (always 2) and the maximum decimals of the USDC/share amount derived from them.
 */
public enum TickSize {
    TENTH("0.1", 1, 3),
    HUNDREDTH("0.01", 2, 4),
    THOUSANDTH("0.001", 3, 5),
    TEN_THOUSANDTH("0.0001", 4, 6),
    HALF_HUNDREDTH("0.005", 3, 5),
    QUARTER_HUNDREDTH("0.0025", 4, 6);

    /** Sizes are whole hundredths of a share on every market. */
    public static final int SIZE_DECIMALS = 2;

    private final BigDecimal value;
    private final int priceDecimals;
    private final int amountDecimals;

    TickSize(String value, int priceDecimals, int amountDecimals) {
        this.value = new BigDecimal(value);
        this.priceDecimals = priceDecimals;
        this.amountDecimals = amountDecimals;
    }

    /** Parses "0.01", "0.010" or a JSON number such as 0.01. */
    public static TickSize of(String tick) {
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(tick.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("tick size must be a decimal, got " + tick);
        }
        for (TickSize size : values()) {
            if (size.value.compareTo(parsed) == 0) {
                return size;
            }
        }
        throw new IllegalArgumentException("unsupported tick size " + tick
                + " (expected 0.1, 0.01, 0.001, 0.0001, 0.005 or 0.0025)");
    }

    public BigDecimal value() {
        return value;
    }

    public int priceDecimals() {
        return priceDecimals;
    }

    public int amountDecimals() {
        return amountDecimals;
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
