package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kalshi book snapshots to a core {@link Journal}: by polling REST (default every 5 s) or from a
 * {@link KalshiStream}'s books. Each snapshot is written once: the recorder de-duplicates on
 * {@code (ticker, source, seq)}, across restarts too (the journal is read back on open). Replays feed the
 * snapshots back as core {@link dev.tradingsdk.core.market.BookSnapshot} events.
 *
 * <p>Thread-safe; {@link #close()} stops polling and closes the journal.
 */
public final class SnapshotRecorder implements AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRecorder.class);
    private static final long CONNECTION_STRIDE = 1_000_000_000L;

    private final Journal<MarketSnapshot> journal;
    private final Clock clock;
    private final ZoneId zone;
    private final Set<String> recorded = new HashSet<>();
    private ScheduledExecutorService poller;
    private long connection = 1;

    private SnapshotRecorder(Journal<MarketSnapshot> journal, Clock clock, ZoneId zone) {
        this.journal = journal;
        this.clock = clock;
        this.zone = zone;
        journal.replay(journal.firstSequence(), (sequence, snapshot) -> recorded.add(snapshot.key()));
    }

    /** Opens (or creates) the journal in {@code dir}; timestamps from {@code clock}, written in {@code zone}. */
    public static SnapshotRecorder open(Path dir, Clock clock, ZoneId zone) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        return new SnapshotRecorder(Journal.builder(dir, MarketSnapshot.CODEC).open(), clock, zone);
    }

    /** Appends {@code snapshot} unless one with the same (ticker, source, seq) is already recorded. */
    public synchronized boolean record(MarketSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (recorded.contains(snapshot.key())) {
            return false;
        }
        journal.append(snapshot);
        recorded.add(snapshot.key());
        return true;
    }

    /**
     * Polls the books of {@code tickers} once; the seq is the poll slot of {@code interval}, so a second poll
     * within the same slot records nothing. Returns how many snapshots were written; a failing ticker is logged
     * and skipped.
     */
    public int pollOnce(KalshiClient client, List<String> tickers, Duration interval) {
        long slot = clock.now().toEpochMilli() / interval.toMillis();
        int written = 0;
        for (String ticker : tickers) {
            try {
                KalshiOrderbook book = client.orderbook(ticker, 0);
                if (record(MarketSnapshot.of(book, SnapshotSource.POLL, slot, now()))) {
                    written++;
                }
            } catch (RuntimeException e) {
                LOG.warn("snapshot poll of {} failed: {}", ticker, e.getMessage());
            }
        }
        return written;
    }

    /** Polls every {@code interval} on a daemon thread until {@link #close()}. */
    public synchronized void startPolling(KalshiClient client, List<String> tickers, Duration interval) {
        Objects.requireNonNull(client, "client");
        List<String> copy = List.copyOf(tickers);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + interval);
        }
        if (poller != null) {
            throw new IllegalStateException("already polling");
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kalshi-snapshot-poller");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleAtFixedRate(() -> pollOnce(client, copy, interval), 0, interval.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    /**
     * A stream listener that records every book change of the stream as a WEBSOCKET snapshot (top
     * {@code maxLevels} per side); use {@link KalshiStreamListener#combine} to add your own listener.
     */
    public KalshiStreamListener streamListener(int maxLevels) {
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels must be >= 1, was " + maxLevels);
        }
        return new KalshiStreamListener() {
            @Override
            public void onBook(String ticker, OrderBook book, boolean snapshot) {
                long seq;
                synchronized (SnapshotRecorder.this) {
                    seq = connection * CONNECTION_STRIDE + Math.max(0, book.lastSequence());
                }
                record(new MarketSnapshot(ticker, SnapshotSource.WEBSOCKET, seq, now(), side(book, Side.BUY, maxLevels),
                    side(book, Side.SELL, maxLevels)));
            }

            @Override
            public void onDisconnected(String reason) {
                synchronized (SnapshotRecorder.this) {
                    connection++;
                }
            }
        };
    }

    /** YES bids ascending as Kalshi sends them, or NO bids (asks turned around), from the top {@code max} levels. */
    private static List<PriceLevel> side(OrderBook book, Side side, int max) {
        int levels = Math.min(max, book.levelCount(side));
        List<PriceLevel> out = new ArrayList<>(levels);
        long one = dev.tradingsdk.core.num.FixedMath.powerOfTen(KalshiInstruments.PRICE_PRECISION);
        for (int i = levels - 1; i >= 0; i--) {
            long price = book.priceRawAt(side, i);
            out.add(new PriceLevel(Price.ofRaw(side == Side.BUY ? price : one - price, KalshiInstruments.PRICE_PRECISION),
                Quantity.ofRaw(book.sizeRawAt(side, i), KalshiInstruments.SIZE_PRECISION)));
        }
        return out;
    }

    /** Every recorded snapshot, in journal order. */
    public List<MarketSnapshot> snapshots() {
        List<MarketSnapshot> out = new ArrayList<>();
        journal.replay(journal.firstSequence(), (sequence, snapshot) -> out.add(snapshot));
        return out;
    }

    /** The recording as time-ordered core events, one instrument per ticker. */
    public List<MarketEvent> replayEvents(Function<String, Instrument> instruments) {
        List<MarketEvent> events = new ArrayList<>();
        for (MarketSnapshot snapshot : snapshots()) {
            events.add(snapshot.toBookSnapshot(instruments.apply(snapshot.ticker())));
        }
        events.sort(java.util.Comparator.comparing(MarketEvent::timestamp));
        return events;
    }

    private ZonedDateTime now() {
        return clock.now().atZone(zone);
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = poller;
            poller = null;
        }
        // Outside the lock: a poll in progress needs it to finish its record().
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        journal.close();
    }
}
