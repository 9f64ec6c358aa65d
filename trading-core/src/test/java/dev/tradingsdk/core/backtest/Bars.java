package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Quantity;
import java.time.Duration;
import java.time.Instant;

/** Synthetic daily bars for venue tests. */
final class Bars {

    static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");

    private Bars() {
    }

    static Bar daily(Instrument instrument, int day, String open, String high, String low, String close) {
        Instant openTime = DAY0.plus(Duration.ofDays(day));
        return new Bar(instrument, openTime, openTime.plus(Duration.ofDays(1)), instrument.price(open),
                instrument.price(high), instrument.price(low), instrument.price(close), Quantity.of("1000"));
    }
}
