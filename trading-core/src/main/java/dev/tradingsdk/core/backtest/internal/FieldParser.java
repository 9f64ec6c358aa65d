package dev.tradingsdk.core.backtest.internal;

import dev.tradingsdk.core.backtest.MarketDataFormatException;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.RoundingMode;

/** Parses one field of a row into a value, turning any failure into a {@link MarketDataFormatException}. */
public final class FieldParser {

    private final String source;
    private final RoundingMode rounding;

    public FieldParser(String source, RoundingMode rounding) {
        this.source = source;
        this.rounding = rounding;
    }

    public Price price(String text, int precision, long line, String column) {
        Price price;
        try {
            price = Price.of(text, precision, rounding);
        } catch (IllegalArgumentException e) {
            throw new MarketDataFormatException(source, line, column, text, e.getMessage());
        }
        if (price.signum() <= 0) {
            throw new MarketDataFormatException(source, line, column, text, "price must be positive");
        }
        return price;
    }

    /** Sizes and volumes round down, so a parsed size never exceeds what was recorded. */
    public Quantity quantity(String text, int precision, long line, String column) {
        try {
            return Quantity.of(text, precision, RoundingMode.DOWN);
        } catch (IllegalArgumentException e) {
            throw new MarketDataFormatException(source, line, column, text, e.getMessage());
        }
    }
}
