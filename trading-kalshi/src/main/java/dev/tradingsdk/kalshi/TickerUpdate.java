package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Optional;

/** A {@code ticker} channel message: the market's top of book, last price, volume and open interest. */
public record TickerUpdate(String ticker, Optional<Price> lastPrice, Optional<Price> yesBid, Optional<Price> yesAsk,
                           Quantity yesBidSize, Quantity yesAskSize, Quantity volume, Quantity openInterest,
                           Instant time) {
}
