package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** Instruments, bars and a scripted live feed for the engine tests. */
final class EngineFixtures {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    static final Instrument ETH = Instrument.builder("ETH-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

    private EngineFixtures() {
    }

    /** A one-minute bar of {@code instrument} opening {@code minute} minutes after {@link #T0}. */
    static Bar bar(Instrument instrument, int minute, String open, String high, String low, String close) {
        Instant openTime = T0.plus(Duration.ofMinutes(minute));
        return new Bar(instrument, openTime, openTime.plus(Duration.ofMinutes(1)), Price.of(open), Price.of(high),
                Price.of(low), Price.of(close), Quantity.of("100"));
    }

    /** A flat bar at {@code price}. */
    static Bar bar(Instrument instrument, int minute, String price) {
        return bar(instrument, minute, price, price, price, price);
    }

    /**
     * A live feed driven by the test: {@link #play} moves the clock to each event's time and pushes it to the
     * subscribers, from the calling thread, as a venue's stream would.
     */
    static final class ScriptedFeed implements MarketDataFeed {
        private final Map<Instrument, List<MarketDataListener>> listeners = new ConcurrentHashMap<>();
        private final SimulatedClock clock;

        ScriptedFeed(SimulatedClock clock) {
            this.clock = clock;
        }

        /** A feed that leaves time alone: the engine's clock runs on by itself (a {@link WallClock}). */
        ScriptedFeed() {
            this.clock = null;
        }

        @Override
        public void subscribe(Instrument instrument, MarketDataListener listener) {
            listeners.computeIfAbsent(instrument, i -> new CopyOnWriteArrayList<>()).add(listener);
        }

        @Override
        public void unsubscribe(Instrument instrument, MarketDataListener listener) {
            List<MarketDataListener> list = listeners.get(instrument);
            if (list != null) {
                list.remove(listener);
            }
        }

        void play(List<? extends MarketEvent> events) {
            for (MarketEvent e : events) {
                if (clock != null && e.timestamp().isAfter(clock.now())) {
                    clock.setTime(e.timestamp());
                }
                for (MarketDataListener l : listeners.getOrDefault(e.instrument(), List.of())) {
                    l.onEvent(e);
                }
            }
        }

        void outOfSync(Instrument instrument, String reason) {
            for (MarketDataListener l : listeners.getOrDefault(instrument, List.of())) {
                l.onOutOfSync(instrument, reason);
            }
        }

        boolean subscribed(Instrument instrument) {
            return !listeners.getOrDefault(instrument, List.of()).isEmpty();
        }
    }

    /**
     * Stands in for the system clock: time the engine reads but never sets, moved only by the test to mimic wall
     * time passing (between two runs of an engine, for instance). Thread-safe.
     */
    static final class WallClock implements Clock {
        private final AtomicLong nanos;

        WallClock(Instant start) {
            this.nanos = new AtomicLong(EpochNanos.of(start));
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public Instant now() {
            return EpochNanos.toInstant(nanos.get());
        }

        @Override
        public long epochNanos() {
            return nanos.get();
        }
    }

    /** Waits (bounded) until {@code condition} holds, polling. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(2);
        }
    }

    /** Waits (bounded) until the engine has handled {@code events} feed events. */
    static void awaitEvents(TradingEngine engine, long events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.status().feeds().get(0).events() < events) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("engine handled " + engine.status().feeds().get(0).events() + " of "
                        + events + " events in 10 s");
            }
            Thread.sleep(2);
        }
    }
}
