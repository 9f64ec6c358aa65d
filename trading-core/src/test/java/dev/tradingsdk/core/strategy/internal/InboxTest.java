package dev.tradingsdk.core.strategy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.TradeTick;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

    /** What a poll hands over: a plain input as itself, a market event as "source:stamp" in the one holder. */
    private static final class Holder {
        String value;
    }

    private static Inbox<Object> inbox(int capacity, Holder holder) {
        return new Inbox<>(capacity, (source, event, stamp) -> {
            holder.value = source + ":" + stamp;
            return holder;
        });
    }

    private static MarketEvent tick(int i) {
        return new TradeTick(BTC, Instant.EPOCH.plusSeconds(i), Price.of("1.00"), Quantity.of("1"), Side.BUY, "t" + i);
    }

    private static Object next(Inbox<Object> inbox) {
        Object polled = inbox.poll();
        return polled instanceof Holder h ? h.value : polled;
    }

    @Test
    void inputsAndMarketEventsComeOutInArrivalOrderThroughGrowthAndRemoval() {
        Holder holder = new Holder();
        Inbox<Object> inbox = inbox(2, holder);
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (i % 3 == 0) {
                inbox.add("input-" + i);
                expected.add("input-" + i);
            } else {
                inbox.addMarketEvent("feed", tick(i), i);
                expected.add("feed:" + i);
            }
            if (i == 4) {
                // wrap the ring before it grows
                assertThat(next(inbox)).isEqualTo(expected.remove(0));
            }
        }
        String task = "task";
        inbox.add(task);
        inbox.add("after");
        assertThat(inbox.remove(task)).isTrue();
        assertThat(inbox.remove(task)).isFalse();
        expected.add("after");
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = next(inbox)) != null) {
            out.add(o);
        }
        assertThat(out).containsExactlyElementsOf(expected);
        assertThat(inbox.isEmpty()).isTrue();
        assertThatThrownBy(() -> inbox.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> inbox(3, holder)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWaitingLoopWakesForEachProducerAndLosesNothing() throws Exception {
        Holder holder = new Holder();
        Inbox<Object> inbox = inbox(4, holder);
        int producers = 3;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String name = "p" + p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    if (i % 2 == 0) {
                        inbox.add(name + ":" + i);
                    } else {
                        inbox.addMarketEvent(name, tick(i), i);
                    }
                    if (i % 1000 == 0) {
                        Thread.yield();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        int[] nextOf = new int[producers];
        int received = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received < producers * each && System.nanoTime() < deadline) {
            Object polled = inbox.poll(TimeUnit.MILLISECONDS.toNanos(20));
            if (polled == null) {
                continue;
            }
            String value = polled instanceof Holder h ? h.value : (String) polled;
            int p = value.charAt(1) - '0';
            int i = Integer.parseInt(value.substring(value.indexOf(':') + 1));
            assertThat(i).as("producer %d's order", p).isEqualTo(nextOf[p]);
            nextOf[p]++;
            received++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(received).isEqualTo(producers * each);
        assertThat(inbox.poll()).isNull();
    }

    @Test
    void aTimedPollReturnsNullWhenNothingComesAndStopsOnInterrupt() throws Exception {
        Inbox<Object> inbox = inbox(4, new Holder());
        long start = System.nanoTime();
        assertThat(inbox.poll(TimeUnit.MILLISECONDS.toNanos(30))).isNull();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> inbox.poll(TimeUnit.SECONDS.toNanos(10))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).as("the flag is consumed, as a blocking queue does").isFalse();

        Thread late = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            inbox.add("late");
        });
        late.start();
        long waitStart = System.nanoTime();
        assertThat(inbox.poll(TimeUnit.SECONDS.toNanos(10))).isEqualTo("late");
        assertThat(System.nanoTime() - waitStart).as("woken by the add, not the timeout")
                .isLessThan(TimeUnit.SECONDS.toNanos(5));
        late.join();
    }
}
