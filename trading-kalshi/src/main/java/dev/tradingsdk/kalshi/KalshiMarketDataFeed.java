package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.TradeTick;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Core's {@link MarketDataFeed} over a {@link KalshiStream}: each subscribed instrument (a YES contract) gets its
 * book as a {@link BookSnapshot} (top levels, YES terms) on every change and public trades as
 * {@link TradeTick}s. A sequence gap or a dropped connection is reported as
 * {@link MarketDataListener#onOutOfSync}; the next snapshot event is the fresh book. Events carry the time they
 * arrived, read from the clock.
 */
public final class KalshiMarketDataFeed implements MarketDataFeed, AutoCloseable {

    private final KalshiStream stream;
    private final Clock clock;
    private final int depth;
    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, List<MarketDataListener>> listeners = new HashMap<>();
    private final Map<String, List<KalshiStream.Subscription>> subscriptions = new HashMap<>();

    private KalshiMarketDataFeed(KalshiStream.Builder streamBuilder, Clock clock, int depth) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, was " + depth);
        }
        this.depth = depth;
        this.stream = streamBuilder.listener(new Events()).instruments(this::instrument).build();
    }

    /**
     * A feed on a stream built from {@code streamBuilder} (its listener is replaced by the feed's), passing the top
     * {@code depth} levels per side. Call {@link #connect()} to open it.
     */
    public static KalshiMarketDataFeed create(KalshiStream.Builder streamBuilder, Clock clock, int depth) {
        return new KalshiMarketDataFeed(Objects.requireNonNull(streamBuilder, "streamBuilder"), clock, depth);
    }

    public void connect() {
        stream.connect();
    }

    /** The underlying stream, e.g. for {@link KalshiStream#book}. */
    public KalshiStream stream() {
        return stream;
    }

    @Override
    public void subscribe(Instrument instrument, MarketDataListener listener) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(listener, "listener");
        if (!instrument.venue().equals(KalshiInstruments.VENUE)) {
            throw new IllegalArgumentException("instrument " + instrument.id() + " is not a Kalshi market");
        }
        String ticker = instrument.symbol();
        boolean first;
        synchronized (this) {
            instruments.put(ticker, instrument);
            List<MarketDataListener> list = listeners.computeIfAbsent(ticker, t -> new CopyOnWriteArrayList<>());
            first = list.isEmpty();
            if (!list.contains(listener)) {
                list.add(listener);
            }
        }
        if (first) {
            List<KalshiStream.Subscription> subs = new ArrayList<>();
            subs.add(stream.subscribe(KalshiChannel.ORDERBOOK_DELTA, List.of(ticker)));
            subs.add(stream.subscribe(KalshiChannel.TRADE, List.of(ticker)));
            synchronized (this) {
                subscriptions.put(ticker, subs);
            }
        }
    }

    @Override
    public void unsubscribe(Instrument instrument, MarketDataListener listener) {
        String ticker = instrument.symbol();
        List<KalshiStream.Subscription> ended = null;
        synchronized (this) {
            List<MarketDataListener> list = listeners.get(ticker);
            if (list == null || !list.remove(listener)) {
                return;
            }
            if (list.isEmpty()) {
                listeners.remove(ticker);
                ended = subscriptions.remove(ticker);
            }
        }
        if (ended != null) {
            ended.forEach(stream::unsubscribe);
        }
    }

    @Override
    public void close() {
        stream.close();
    }

    private synchronized Instrument instrument(String ticker) {
        Instrument known = instruments.get(ticker);
        return known != null ? known : KalshiInstruments.yesContract(ticker);
    }

    private List<MarketDataListener> listenersOf(String ticker) {
        synchronized (this) {
            List<MarketDataListener> list = listeners.get(ticker);
            return list == null ? List.of() : list;
        }
    }

    private void deliver(String ticker, MarketEvent event) {
        for (MarketDataListener listener : listenersOf(ticker)) {
            listener.onEvent(event);
        }
    }

    private void outOfSync(String ticker, String reason) {
        Instrument instrument = instrument(ticker);
        for (MarketDataListener listener : listenersOf(ticker)) {
            listener.onOutOfSync(instrument, reason);
        }
    }

    private final class Events implements KalshiStreamListener {
        @Override
        public void onBook(String ticker, OrderBook book, boolean snapshot) {
            deliver(ticker, new BookSnapshot(instrument(ticker), clock.now(), book.depth(Side.BUY, depth),
                book.depth(Side.SELL, depth)));
        }

        @Override
        public void onTrade(KalshiTrade trade) {
            Side aggressor = trade.takerOutcome() == null ? null
                : trade.takerOutcome() == Outcome.YES ? Side.BUY : Side.SELL;
            deliver(trade.ticker(), new TradeTick(instrument(trade.ticker()), trade.time(), trade.yesPrice(),
                trade.count(), aggressor, trade.tradeId()));
        }

        @Override
        public void onGap(SequenceGap gap) {
            for (String ticker : gap.tickers()) {
                outOfSync(ticker, "sequence gap on subscription " + gap.sid() + ": expected " + gap.expected()
                    + ", received " + gap.received());
            }
        }

        @Override
        public void onDisconnected(String reason) {
            List<String> tickers;
            synchronized (KalshiMarketDataFeed.this) {
                tickers = List.copyOf(listeners.keySet());
            }
            for (String ticker : tickers) {
                outOfSync(ticker, "connection lost (" + reason + "); resubscribing");
            }
        }
    }
}
