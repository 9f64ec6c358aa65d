package dev.tradingsdk.kalshi;

import java.util.Locale;

/** How a series charges trading fees ({@code Series.fee_type}). */
public enum FeeType {
    /** The general schedule: takers pay, makers do not. */
    QUADRATIC,
    /** The general schedule with maker fees as well (some sports and economics series). */
    QUADRATIC_WITH_MAKER_FEES,
    /** A fixed per-contract table; not modelled by {@link KalshiFeeModel}. */
    FLAT;

    public static FeeType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("fee_type must not be null");
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "quadratic" -> QUADRATIC;
            case "quadratic_with_maker_fees" -> QUADRATIC_WITH_MAKER_FEES;
            case "flat" -> FLAT;
            default -> throw new IllegalArgumentException("unknown fee_type \"" + text + "\"");
        };
    }
}
