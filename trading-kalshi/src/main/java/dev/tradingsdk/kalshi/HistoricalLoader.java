package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.TradeTick;
import dev.tradingsdk.core.order.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns Kalshi history into replayable core events: candles into {@link Bar}s of the traded YES price (periods
 * without trades have no bar), trades into {@link TradeTick}s (aggressor BUY when the taker bought YES), both in
 * time order. Data older than the historical cutoff comes from the {@code /historical} endpoints.
 */
public final class HistoricalLoader {

    private final KalshiClient client;

    public HistoricalLoader(KalshiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Bars of {@code instrument} (a market of {@code seriesTicker}); {@code historical} reads the archive. */
    public List<MarketEvent> bars(String seriesTicker, Instrument instrument, Instant start, Instant end,
                                  Candlestick.Interval interval, boolean historical) {
        List<Candlestick> candles = historical
            ? client.historicalCandlesticks(instrument.symbol(), start, end, interval)
            : client.candlesticks(seriesTicker, instrument.symbol(), start, end, interval);
        return bars(instrument, candles, interval);
    }

    /** Trade ticks of {@code instrument} between {@code from} and {@code to}. */
    public List<MarketEvent> trades(Instrument instrument, Instant from, Instant to, boolean historical) {
        try (Stream<KalshiTrade> trades = historical ? client.historicalTrades(instrument.symbol(), from, to)
            : client.trades(instrument.symbol(), from, to)) {
            return ticks(instrument, trades.toList());
        }
    }

    public static List<MarketEvent> bars(Instrument instrument, List<Candlestick> candles, Candlestick.Interval interval) {
        Duration width = Duration.ofMinutes(interval.minutes());
        List<MarketEvent> bars = new ArrayList<>();
        for (Candlestick candle : candles) {
            candle.traded().ifPresent(t -> bars.add(new Bar(instrument, candle.periodEnd().minus(width),
                candle.periodEnd(), t.open(), t.high(), t.low(), t.close(), candle.volume())));
        }
        bars.sort(Comparator.comparing(MarketEvent::timestamp));
        return bars;
    }

    public static List<MarketEvent> ticks(Instrument instrument, List<KalshiTrade> trades) {
        List<MarketEvent> ticks = new ArrayList<>();
        for (KalshiTrade trade : trades) {
            if (!trade.ticker().equals(instrument.symbol())) {
                throw new IllegalArgumentException("trade " + trade.tradeId() + " is of " + trade.ticker() + ", not "
                    + instrument.symbol());
            }
            Side aggressor = trade.takerOutcome() == null ? null : trade.takerOutcome() == Outcome.YES ? Side.BUY
                : Side.SELL;
            ticks.add(new TradeTick(instrument, trade.time(), trade.yesPrice(), trade.count(), aggressor,
                trade.tradeId()));
        }
        ticks.sort(Comparator.comparing(MarketEvent::timestamp));
        return ticks;
    }
}
