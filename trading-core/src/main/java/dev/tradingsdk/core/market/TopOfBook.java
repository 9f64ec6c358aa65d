package dev.tradingsdk.core.market;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;

/**
 * A mutable best bid/ask with sizes, updated in place so a market data thread can feed the risk rules
 * without allocating. Depth beyond the best level is unknown, so {@link #availableRaw} counts only the best
 * level. Not thread-safe: update and read it under the same lock or from one thread.
 */
public final class TopOfBook implements MarketSnapshot {

    private final Instrument instrument;
    private boolean hasBid;
    private boolean hasAsk;
    private long bidRaw;
    private long bidSizeRaw;
    private long askRaw;
    private long askSizeRaw;
    private long updatedAtNanos;

    public TopOfBook(Instrument instrument) {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument must not be null");
        }
        this.instrument = instrument;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Sets both sides; raw prices at the instrument's price precision, raw sizes at its size precision. */
    public TopOfBook update(long bidRaw, long bidSizeRaw, long askRaw, long askSizeRaw, long atNanos) {
        if (bidSizeRaw < 0 || askSizeRaw < 0) {
            throw new IllegalArgumentException("sizes must not be negative, were bid " + bidSizeRaw + " ask "
                    + askSizeRaw);
        }
        this.hasBid = true;
        this.hasAsk = true;
        this.bidRaw = bidRaw;
        this.bidSizeRaw = bidSizeRaw;
        this.askRaw = askRaw;
        this.askSizeRaw = askSizeRaw;
        this.updatedAtNanos = atNanos;
        return this;
    }

    /** Sets both sides from a quote of this instrument. */
    public TopOfBook update(Quote quote) {
        if (!quote.instrument().equals(instrument)) {
            throw new IllegalArgumentException("quote for " + quote.instrument() + " applied to " + instrument);
        }
        Instant t = quote.timestamp();
        long nanos = EpochNanos.of(t);
        return update(quote.bid().rawAt(instrument.pricePrecision()), quote.bidSize().rawAt(instrument.sizePrecision()),
                quote.ask().rawAt(instrument.pricePrecision()), quote.askSize().rawAt(instrument.sizePrecision()),
                nanos);
    }

    /** Removes one side (an empty book side), keeping the other. */
    public TopOfBook clear(Side bookSide, long atNanos) {
        if (bookSide == Side.BUY) {
            hasBid = false;
            bidSizeRaw = 0;
        } else {
            hasAsk = false;
            askSizeRaw = 0;
        }
        updatedAtNanos = atNanos;
        return this;
    }

    /** Marks the market as seen at {@code atNanos} without a price change (e.g. a heartbeat). */
    public TopOfBook touch(long atNanos) {
        updatedAtNanos = atNanos;
        return this;
    }

    @Override
    public boolean hasBid() {
        return hasBid;
    }

    @Override
    public boolean hasAsk() {
        return hasAsk;
    }

    @Override
    public long bidRaw() {
        return bidRaw;
    }

    @Override
    public long askRaw() {
        return askRaw;
    }

    public long bidSizeRaw() {
        return bidSizeRaw;
    }

    public long askSizeRaw() {
        return askSizeRaw;
    }

    @Override
    public long availableRaw(Side takerSide, long limitRaw) {
        if (takerSide == Side.BUY) {
            return hasAsk && askRaw <= limitRaw ? askSizeRaw : 0;
        }
        return hasBid && bidRaw >= limitRaw ? bidSizeRaw : 0;
    }

    @Override
    public long updatedAtNanos() {
        return updatedAtNanos;
    }

    @Override
    public String toString() {
        return "TopOfBook[" + instrument + " bid=" + (hasBid ? bidRaw + "x" + bidSizeRaw : "-") + " ask="
                + (hasAsk ? askRaw + "x" + askSizeRaw : "-") + "]";
    }
}
