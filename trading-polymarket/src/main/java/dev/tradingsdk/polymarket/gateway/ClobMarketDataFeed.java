package dev.tradingsdk.polymarket.gateway;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.polymarket.ClobStream;
import dev.tradingsdk.polymarket.ClobStreamListener;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Core's {@link MarketDataFeed} over the CLOB market channel: each token's book arrives as a core
 * {@link BookSnapshot} of its instrument (prices and sizes at the instrument's precision: bids rounded down, asks
 * up, sizes down, levels that meet after rounding merged). A reconnect, a dropped connection or a message a book
 * could not take is {@link MarketDataListener#onOutOfSync}; the book after it is a fresh snapshot. Connects on the
 * first subscription. Listeners are called on the stream's thread.
 */
public final class ClobMarketDataFeed implements MarketDataFeed, AutoCloseable {
    private static final int LEVELS = 10;

    private final Map<String, Instrument> byToken;
    private final Map<Instrument, List<MarketDataListener>> listeners = new LinkedHashMap<>();
    private final Clock clock;
    private final ClobStream stream;
    private boolean connected;

    private ClobMarketDataFeed(Map<Instrument, String> tokens, UnaryOperator<ClobStream.Builder> configure,
            Clock clock) {
        this.byToken = new LinkedHashMap<>();
        tokens.forEach((instrument, token) -> {
            if (byToken.put(Objects.requireNonNull(token, "token"), instrument) != null) {
                throw new IllegalArgumentException("token " + token + " is mapped to two instruments");
            }
            listeners.put(instrument, new CopyOnWriteArrayList<>());
        });
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stream = configure.apply(ClobStream.market(byToken.keySet())).listener(new Events()).build();
    }

    /**
     * A feed of these instruments, each the CLOB token id given; {@code configure} adjusts the stream (URL,
     * timeouts, {@code tickSizes(client)}).
     */
    public static ClobMarketDataFeed of(Map<Instrument, String> tokens, UnaryOperator<ClobStream.Builder> configure,
            Clock clock) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("tokens must not be empty");
        }
        return new ClobMarketDataFeed(Map.copyOf(tokens), Objects.requireNonNull(configure, "configure"), clock);
    }

    @Override
    public synchronized void subscribe(Instrument instrument, MarketDataListener listener) {
        List<MarketDataListener> list = listeners.get(instrument);
        if (list == null) {
            throw new IllegalArgumentException("instrument " + instrument + " has no token in this feed; known: "
                    + listeners.keySet());
        }
        if (!list.contains(listener)) {
            list.add(listener);
        }
        if (!connected) {
            connected = true;
            stream.connect();
        }
    }

    @Override
    public synchronized void unsubscribe(Instrument instrument, MarketDataListener listener) {
        List<MarketDataListener> list = listeners.get(instrument);
        if (list != null) {
            list.remove(listener);
        }
    }

    public ClobStream stream() {
        return stream;
    }

    @Override
    public void close() {
        stream.close();
    }

    /** The CLOB book of one token as a core snapshot of {@code instrument}. */
    static BookSnapshot toCore(Instrument instrument, dev.tradingsdk.polymarket.dto.BookSnapshot book, Instant at) {
        return new BookSnapshot(instrument, at, levels(instrument, book.bids(), RoundingMode.DOWN),
                levels(instrument, book.asks(), RoundingMode.UP));
    }

    private static List<BookLevel> levels(Instrument instrument, List<BookLevel> levels, RoundingMode priceRounding) {
        List<BookLevel> out = new ArrayList<>();
        for (BookLevel level : levels) {
            if (out.size() == LEVELS) {
                break;
            }
            Price price = Price.ofRaw(FixedMath.rescale(level.price().raw(), level.price().precision(),
                    instrument.pricePrecision(), priceRounding), instrument.pricePrecision());
            Quantity size = Quantity.ofRaw(FixedMath.rescale(level.size().raw(), level.size().precision(),
                    instrument.sizePrecision(), RoundingMode.DOWN), instrument.sizePrecision());
            if (size.isZero() || price.signum() <= 0) {
                continue;
            }
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).price().equals(price)) {
                out.set(last, new BookLevel(price, out.get(last).size().plus(size)));
            } else {
                out.add(new BookLevel(price, size));
            }
        }
        return out;
    }

    private final class Events implements ClobStreamListener {
        @Override
        public void onBook(dev.tradingsdk.polymarket.dto.BookSnapshot book) {
            Instrument instrument = byToken.get(book.assetId());
            if (instrument == null) {
                return;
            }
            Instant at = book.timestampMillis() > 0 ? Instant.ofEpochMilli(book.timestampMillis()) : clock.now();
            BookSnapshot snapshot = toCore(instrument, book, at);
            for (MarketDataListener listener : listeners.get(instrument)) {
                listener.onEvent(snapshot);
            }
        }

        @Override
        public void onBookStale(String assetId, String reason) {
            Instrument instrument = byToken.get(assetId);
            if (instrument != null) {
                outOfSync(instrument, reason);
            }
        }

        @Override
        public void onBooksStale() {
            for (Instrument instrument : listeners.keySet()) {
                outOfSync(instrument, "connection lost; books stale until the fresh snapshot");
            }
        }

        private void outOfSync(Instrument instrument, String reason) {
            for (MarketDataListener listener : listeners.get(instrument)) {
                listener.onOutOfSync(instrument, reason);
            }
        }
    }

    @Override
    public String toString() {
        return "ClobMarketDataFeed[" + listeners.keySet() + "]";
    }
}
