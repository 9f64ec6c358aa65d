package dev.tradingsdk.core.backtest.internal;

import dev.tradingsdk.core.backtest.MarketDataFormatException;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.RoundingMode;

/** Parses one field of a row into a value, turning any failure into a {@link MarketDataFormatException}. */
public final class FieldParser {

    private final String source;
    private final RoundingMode priceRounding;
    private final RoundingMode sizeRounding;

    public FieldParser(String source, RoundingMode priceRounding, RoundingMode sizeRounding) {
        this.source = source;
        this.priceRounding = priceRounding;
        this.sizeRounding = sizeRounding;
    }

    public Price price(String text, int precision, long line, String column) {
        Price price;
        try {
            price = Price.of(text.trim(), precision, priceRounding);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MarketDataFormatException(source, line, column, text, e.getMessage());
        }
        if (price.signum() <= 0) {
            throw new MarketDataFormatException(source, line, column, text, "price must be positive");
        }
        return price;
    }

    public Quantity quantity(String text, int precision, long line, String column) {
        try {
            return Quantity.of(text.trim(), precision, sizeRounding);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MarketDataFormatException(source, line, column, text, e.getMessage());
        }
    }
}
