package dev.tradingsdk.llm.council;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TimerEvent;
import dev.tradingsdk.llm.agent.ApprovalCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The council on the engine's timers (weekly, as the seed runs it): every {@code interval} it runs on the
 * strategy's account at the latest mids, placing orders through the engine's risk path. The council's stage
 * states are queryable through {@link Council#status()} while it runs; the last result through
 * {@link #lastResult()}. A run blocks the engine's loop while the members answer (bounded by the stage timeouts).
 */
public final class CouncilStrategy implements Strategy {

    private final Council council;
    private final Duration interval;
    private final List<Instrument> instruments;
    private final ApprovalCheck risk;
    private final Map<Instrument, Price> mids = new LinkedHashMap<>();
    private final List<CouncilResult> results = new ArrayList<>();

    public CouncilStrategy(Council council, Duration interval, List<Instrument> instruments, ApprovalCheck risk) {
        this.council = Objects.requireNonNull(council, "council");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.interval = interval;
        this.instruments = List.copyOf(instruments);
        this.risk = Objects.requireNonNull(risk, "risk");
    }

    /** Weekly. */
    public static CouncilStrategy weekly(Council council, List<Instrument> instruments, ApprovalCheck risk) {
        return new CouncilStrategy(council, Duration.ofDays(7), instruments, risk);
    }

    @Override
    public void onStart(StrategyContext context) {
        instruments.forEach(context.marketData()::subscribe);
        context.timers().scheduleEvery("council", interval);
    }

    @Override
    public void onEvent(MarketEvent event, StrategyContext context) {
        if (event instanceof Quote q) {
            mids.put(q.instrument(), Price.mid(q.bid(), q.ask()).withPrecision(q.instrument().pricePrecision(),
                java.math.RoundingMode.HALF_EVEN));
        }
    }

    @Override
    public void onTimer(TimerEvent timer, StrategyContext context) {
        if (mids.isEmpty()) {
            return;
        }
        CouncilResult result = council.run(context.clock().now(), Map.copyOf(mids),
            List.of(new CouncilAccount(context.strategyId(), context.account(), CouncilOrders.of(context.orders()))),
            risk);
        synchronized (results) {
            results.add(result);
        }
    }

    public Optional<CouncilResult> lastResult() {
        synchronized (results) {
            return results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
        }
    }

    public List<CouncilResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }
}
