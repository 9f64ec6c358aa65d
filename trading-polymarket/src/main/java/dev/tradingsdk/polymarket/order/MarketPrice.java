package dev.tradingsdk.polymarket.order;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The worst price a market order needs to fill from a book, as the official clients compute it: walk the opposite
 * side from the best level, summing USDC (size × price) for a BUY or shares for a SELL until the amount is
 * covered. Use the result as the {@code worstPrice} of {@link ClobOrderRequest#market}.
 */
public final class MarketPrice {
    private MarketPrice() {
    }

    /**
     * @param side    the taker side: BUY walks the asks with {@code amount} in USDC, SELL walks the bids with shares
     * @param type    FOK needs the whole amount ({@link IllegalStateException} otherwise); FAK takes what is there
     *                and returns the worst level's price
     */
    public static Price forAmount(BookSnapshot book, Side side, BigDecimal amount, ClobOrderType type) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (!Objects.requireNonNull(type, "type").isMarket()) {
            throw new IllegalArgumentException("market price is for FOK/FAK orders, not " + type);
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive, got " + amount.toPlainString());
        }
        List<BookLevel> levels = side == Side.BUY ? book.asks() : book.bids();
        if (levels.isEmpty()) {
            throw new IllegalStateException("no " + (side == Side.BUY ? "asks" : "bids") + " in the book of "
                    + book.assetId() + " to fill a market " + side);
        }
        BigDecimal covered = BigDecimal.ZERO;
        for (BookLevel level : levels) {
            BigDecimal size = level.size().toBigDecimal();
            covered = covered.add(side == Side.BUY ? size.multiply(level.price().toBigDecimal()) : size);
            if (covered.compareTo(amount) >= 0) {
                return level.price();
            }
        }
        if (type == ClobOrderType.FOK) {
            throw new IllegalStateException("the book of " + book.assetId() + " holds only "
                    + covered.stripTrailingZeros().toPlainString()
                    + (side == Side.BUY ? " USDC" : " shares") + " for a FOK " + side + " of " + amount.toPlainString());
        }
        return levels.get(levels.size() - 1).price();
    }
}
