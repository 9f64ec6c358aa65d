package dev.tradingsdk.core.risk.monitor;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.LiquidationPlan;
import dev.tradingsdk.core.risk.MarginModel;
import dev.tradingsdk.core.risk.RiskEvent;
import dev.tradingsdk.core.risk.RiskEventListener;
import dev.tradingsdk.core.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Post-trade margin watch. The margin level is equity / margin used × 100 (%). Below the margin-call level it
 * emits {@link RiskEvent.MarginCall}; below the stop-out level it emits {@link RiskEvent.StopOut}
 * with a {@link LiquidationPlan} (largest loss first) that brings the level back to the margin-call level.
 * Events are emitted when the account's status changes (ok → call → stop-out and back, with
 * {@link RiskEvent.MonitorCleared} on recovery); the monitor never closes anything itself. Thread-safe.
 * Both boundaries are strict, decided exactly without a division: ESMA's CFD close-out applies when equity
 * "falls to less than half" of the initial margin, so a level of exactly 50 % is not yet a stop-out (see
 * README-risk.md, "Margin boundary").
 */
public final class MarginMonitor {

    public static final String NAME = "margin";

    private enum Status { OK, CALL, STOP_OUT }

    private final BigDecimal marginCallPercent;
    private final BigDecimal stopOutPercent;
    private final MarginModel marginModel;
    private final Clock clock;
    private final RiskEventListener listener;
    private final Map<String, Status> statuses = new HashMap<>();

    public MarginMonitor(BigDecimal marginCallPercent, BigDecimal stopOutPercent, MarginModel marginModel,
                         Clock clock, RiskEventListener listener) {
        if (marginCallPercent == null || marginCallPercent.signum() <= 0) {
            throw new IllegalArgumentException("marginCallPercent must be positive, was " + marginCallPercent);
        }
        if (stopOutPercent == null || stopOutPercent.signum() <= 0 || stopOutPercent.compareTo(marginCallPercent) > 0) {
            throw new IllegalArgumentException("stopOutPercent must be positive and at most marginCallPercent "
                    + marginCallPercent + ", was " + stopOutPercent);
        }
        this.marginCallPercent = marginCallPercent;
        this.stopOutPercent = stopOutPercent;
        this.marginModel = Objects.requireNonNull(marginModel, "marginModel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The one displayed margin level: equity / margin used × 100 at four decimals, rounded down (FLOOR), so a
     * reported level never reads above the truth (an account stopped out at 49.9999 % never shows 50 %); empty
     * when no margin is used. Decisions use {@link #isBelowLevel}, never this rounded figure.
     */
    public static Optional<BigDecimal> marginLevelPercent(Money equity, Money marginUsed) {
        if (marginUsed.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(equity.toBigDecimal().multiply(BigDecimal.valueOf(100))
                .divide(marginUsed.toBigDecimal(), 4, RoundingMode.FLOOR));
    }

    /** Evaluates {@code account}; returns (and emits) the event when its status changed. */
    public synchronized Optional<RiskEvent> evaluate(AccountView account, MarketState market) {
        Money equity = account.equity();
        Money used = account.marginUsed();
        String id = account.accountId();
        Status status = isBelowLevel(equity, used, stopOutPercent) ? Status.STOP_OUT
                : isBelowLevel(equity, used, marginCallPercent) ? Status.CALL : Status.OK;
        Status previous = statuses.getOrDefault(id, Status.OK);
        if (status == previous) {
            return Optional.empty();
        }
        BigDecimal level = marginLevelPercent(equity, used).orElse(null);
        RiskEvent event = switch (status) {
            case OK -> new RiskEvent.MonitorCleared(id, NAME, clock.now());
            case CALL -> new RiskEvent.MarginCall(id, level, marginCallPercent, equity, used, clock.now());
            case STOP_OUT -> new RiskEvent.StopOut(id, level, stopOutPercent, equity, used,
                    LiquidationPlanner.plan(LiquidationPlanner.candidates(account, market, marginModel), equity,
                            used, marginCallPercent), clock.now());
        };
        // Recorded only once the event exists: if planning threw, the next evaluation reports the change again.
        statuses.put(id, status);
        listener.onEvent(event);
        return Optional.of(event);
    }

    /**
     * The one margin boundary, for this monitor, {@link LiquidationPlanner} and CFD accounts: true when margin is
     * used and {@code equity / used × 100 < percent}, decided exactly as {@code equity × 100 < used × percent}
     * without a division, so no rounding moves an account across the line. Strict, after ESMA's close-out ("falls
     * to less than half"): a level of exactly {@code percent} is not below it.
     */
    public static boolean isBelowLevel(Money equity, Money used, BigDecimal percent) {
        return used.signum() > 0 && equity.toBigDecimal().multiply(BigDecimal.valueOf(100))
                .compareTo(used.toBigDecimal().multiply(percent)) < 0;
    }
}
