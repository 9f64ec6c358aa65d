package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One candle of a market ({@code MarketCandlestick}): the YES bid and ask over the period, the traded price when
 * there were trades, volume and open interest.
 *
 * @param periodEnd when the period closed ({@code end_period_ts})
 * @param traded    open/high/low/close of trades, empty for a period without trades
 */
public record Candlestick(Instant periodEnd, Ohlc yesBid, Ohlc yesAsk, Optional<Ohlc> traded,
                          Optional<Price> previousPrice, Quantity volume, Quantity openInterest) {

    public Candlestick {
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(yesBid, "yesBid");
        Objects.requireNonNull(yesAsk, "yesAsk");
    }

    /** Open, high, low, close of one price series. */
    public record Ohlc(Price open, Price high, Price low, Price close) {
    }

    /** Candle widths Kalshi serves. */
    public enum Interval {
        ONE_MINUTE(1), ONE_HOUR(60), ONE_DAY(1440);

        private final int minutes;

        Interval(int minutes) {
            this.minutes = minutes;
        }

        public int minutes() {
            return minutes;
        }
    }
}
