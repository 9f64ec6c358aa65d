package dev.tradingsdk.core.risk.monitor;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.LiquidationPlan;
import dev.tradingsdk.core.risk.MarginModel;
import dev.tradingsdk.core.risk.RiskEvent;
import dev.tradingsdk.core.risk.RiskEventListener;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Post-trade stop-loss: when the mark-to-market loss (capital − equity) reaches {@code maxLossPercent} of the
 * capital, emits one {@link RiskEvent.StopLossTriggered} carrying a plan to close every position (largest
 * loss first). It acts only through the event; once equity recovers above the level it emits
 * {@link RiskEvent.MonitorCleared} and re-arms. Thread-safe.
 */
public final class StopLossMonitor {

    public static final String NAME = "stop-loss";
    private static final int PERCENT_PRECISION = 4;

    private final Money capital;
    private final BigDecimal maxLossPercent;
    private final Money lossLimit;
    private final MarginModel marginModel;
    private final Clock clock;
    private final RiskEventListener listener;
    private final Set<String> triggered = new HashSet<>();

    public StopLossMonitor(Money capital, BigDecimal maxLossPercent, MarginModel marginModel, Clock clock,
                           RiskEventListener listener) {
        Arguments.positiveMoneyRaw("capital", capital, FixedMath.MAX_PRECISION);
        long percentRaw = Arguments.positiveRaw("maxLossPercent", maxLossPercent, PERCENT_PRECISION);
        this.capital = capital;
        this.maxLossPercent = maxLossPercent;
        this.lossLimit = capital.timesRatio(percentRaw, 100 * FixedMath.powerOfTen(PERCENT_PRECISION),
                RoundingMode.DOWN);
        this.marginModel = Objects.requireNonNull(marginModel, "marginModel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The loss limit, {@code maxLossPercent} of the capital rounded down to the capital's precision, for
     * reports; the trigger itself compares the loss with the exact percentage.
     */
    public Money lossLimit() {
        return lossLimit;
    }

    /** Evaluates {@code account}; returns (and emits) the event when the state changed. */
    public synchronized Optional<RiskEvent> evaluate(AccountView account, MarketState market) {
        Money loss = capital.minus(account.equity());
        String id = account.accountId();
        // Exact: loss × 100 ≥ capital × percent; the rounded lossLimit would trigger early.
        boolean breached = loss.toBigDecimal().movePointRight(2)
                .compareTo(capital.toBigDecimal().multiply(maxLossPercent)) >= 0;
        boolean wasTriggered = triggered.contains(id);
        RiskEvent event = null;
        // The event (and its plan, which can throw) is built before the status is recorded, so a failed
        // evaluation is retried on the next call instead of being remembered as already triggered.
        if (breached && !wasTriggered) {
            LiquidationPlan plan = LiquidationPlanner.closeAll(
                    LiquidationPlanner.candidates(account, market, marginModel), account.currency());
            event = new RiskEvent.StopLossTriggered(id, loss, lossLimit, capital, plan, clock.now());
            triggered.add(id);
        } else if (!breached && wasTriggered) {
            event = new RiskEvent.MonitorCleared(id, NAME, clock.now());
            triggered.remove(id);
        }
        if (event != null) {
            listener.onEvent(event);
        }
        return Optional.ofNullable(event);
    }

    @Override
    public String toString() {
        return "StopLossMonitor[" + maxLossPercent.toPlainString() + "% of " + capital + "]";
    }
}
