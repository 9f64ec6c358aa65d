package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.order.OrderRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link DecisionFunction} as a {@link Strategy}: subscribes to its instruments, keeps their latest quotes,
 * and every {@code interval} (the first time one interval after start) asks the function for orders and submits
 * them in order through the engine's risk path. Denied orders come back as REJECTED order updates, as for any
 * strategy; a decision function that throws stops this strategy (the engine records why).
 */
public final class DecisionStrategy implements Strategy {

    private static final String TIMER = "decide";

    private final DecisionFunction decisions;
    private final Duration interval;
    private final List<Instrument> instruments;
    private final Map<InstrumentId, Quote> quotes = new LinkedHashMap<>();

    private DecisionStrategy(DecisionFunction decisions, Duration interval, List<Instrument> instruments) {
        this.decisions = decisions;
        this.interval = interval;
        this.instruments = instruments;
    }

    /**
     * Decides every {@code interval} on the quotes of {@code instruments}.
     *
     * @param interval positive
     */
    public static DecisionStrategy every(Duration interval, DecisionFunction decisions, List<Instrument> instruments) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(decisions, "decisions");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("instruments must not be empty");
        }
        return new DecisionStrategy(decisions, interval, List.copyOf(instruments));
    }

    @Override
    public void onStart(StrategyContext context) {
        for (Instrument i : instruments) {
            context.marketData().subscribe(i);
        }
        context.timers().scheduleEvery(TIMER, interval);
    }

    @Override
    public void onEvent(MarketEvent event, StrategyContext context) {
        if (event instanceof Quote q) {
            quotes.put(q.instrument().id(), q);
        }
    }

    @Override
    public void onTimer(TimerEvent timer, StrategyContext context) {
        List<OrderRequest> orders = decisions.decide(new DecisionContext(context.clock().now(), context.account(),
                quotes));
        Objects.requireNonNull(orders, "decision function returned null orders");
        for (OrderRequest order : orders) {
            context.orders().submit(order);
        }
    }

    @Override
    public String toString() {
        return "DecisionStrategy[every " + interval + ", " + decisions + "]";
    }
}
