package dev.tradingsdk.core.risk.monitor;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.risk.LiquidationPlan;
import dev.tradingsdk.core.risk.MarginModel;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.internal.RawValuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Orders positions for liquidation: the largest loss first (ties: the most margin first), closing whole
 * positions until the margin level {@code equity / marginUsed × 100} reaches the target. Closing a position
 * realizes its P&amp;L, which leaves equity unchanged, and releases its margin.
 */
public final class LiquidationPlanner {

    private LiquidationPlanner() {
    }

    /** One open position as the planner sees it. */
    public record Candidate(Instrument instrument, long netRaw, Money unrealizedPnl, Money margin) {
        public Candidate {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
            Objects.requireNonNull(margin, "margin");
            if (netRaw == 0) {
                throw new IllegalArgumentException("candidate " + instrument + " is flat: netRaw must not be 0");
            }
            if (margin.isNegative()) {
                throw new IllegalArgumentException("margin of " + instrument + " must not be negative, was "
                        + margin);
            }
        }
    }

    private static final Comparator<Candidate> LARGEST_LOSS_FIRST = Comparator
            .comparing(Candidate::unrealizedPnl)
            .thenComparing(Candidate::margin, Comparator.reverseOrder())
            .thenComparing(c -> c.instrument().id().toString());

    /**
     * The closes needed to bring the margin level to at least {@code targetLevelPercent}; empty when it is
     * already there. With no margin used the level is unbounded and nothing needs closing.
     */
    public static LiquidationPlan plan(List<Candidate> candidates, Money equity, Money marginUsed,
                                       BigDecimal targetLevelPercent) {
        Objects.requireNonNull(candidates, "candidates");
        Currency currency = equity.currency();
        if (!marginUsed.currency().equals(currency)) {
            throw new CurrencyMismatchException(currency, marginUsed.currency());
        }
        if (targetLevelPercent == null || targetLevelPercent.signum() <= 0) {
            throw new IllegalArgumentException("targetLevelPercent must be positive, was " + targetLevelPercent);
        }
        List<Candidate> sorted = new ArrayList<>(candidates);
        for (Candidate c : sorted) {
            if (!c.margin().currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, c.margin().currency());
            }
        }
        sorted.sort(LARGEST_LOSS_FIRST);
        List<LiquidationPlan.Step> steps = new ArrayList<>();
        Money remaining = marginUsed;
        Money released = Money.zero(currency);
        boolean restored = meets(equity, remaining, targetLevelPercent);
        for (int i = 0; i < sorted.size() && !restored; i++) {
            Candidate c = sorted.get(i);
            steps.add(step(c));
            remaining = remaining.minus(c.margin());
            released = released.plus(c.margin());
            restored = meets(equity, remaining, targetLevelPercent);
        }
        return new LiquidationPlan(steps, released, restored);
    }

    /** Closes every candidate, the largest loss first. */
    public static LiquidationPlan closeAll(List<Candidate> candidates, Currency currency) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(LARGEST_LOSS_FIRST);
        List<LiquidationPlan.Step> steps = new ArrayList<>();
        Money released = Money.zero(currency);
        for (Candidate c : sorted) {
            steps.add(step(c));
            released = released.plus(c.margin());
        }
        return new LiquidationPlan(steps, released, true);
    }

    /**
     * The open positions of {@code account} as candidates, valued at the market mid ({@code market}), or at
     * their average price (no unrealized P&amp;L) when the market is unknown; margin from {@code marginModel}.
     */
    public static List<Candidate> candidates(AccountView account, MarketState market, MarginModel marginModel) {
        List<Candidate> candidates = new ArrayList<>();
        for (Position p : account.positions()) {
            Instrument instrument = p.instrument();
            long mark = RawValuation.markRaw(market.snapshot(instrument.id()));
            Price price = mark != Long.MIN_VALUE ? Price.ofRaw(mark, instrument.pricePrecision())
                    : p.averagePrice();
            long notional = RawValuation.notionalRaw(instrument, Math.abs(p.netRaw()),
                    FixedMath.rescale(price.raw(), price.precision(), instrument.pricePrecision(),
                            RoundingMode.HALF_EVEN));
            Money margin = Money.ofRaw(marginModel.initialMarginRaw(instrument, notional),
                    RiskContext.MONEY_PRECISION, instrument.quoteCurrency());
            candidates.add(new Candidate(instrument, p.netRaw(), p.unrealizedPnl(price), margin));
        }
        return candidates;
    }

    private static LiquidationPlan.Step step(Candidate c) {
        Instrument instrument = c.instrument();
        Side side = c.netRaw() > 0 ? Side.SELL : Side.BUY;
        return new LiquidationPlan.Step(instrument.id(), side,
                Quantity.ofRaw(Math.abs(c.netRaw()), instrument.sizePrecision()), c.unrealizedPnl(), c.margin());
    }

    /** Not {@link MarginMonitor#isBelowLevel below} the target; true when no margin is used. */
    static boolean meets(Money equity, Money marginUsed, BigDecimal targetLevelPercent) {
        return !MarginMonitor.isBelowLevel(equity, marginUsed, targetLevelPercent);
    }
}
