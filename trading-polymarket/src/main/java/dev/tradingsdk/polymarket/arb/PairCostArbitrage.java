package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.backtest.BookSnapshot;
import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.risk.ExpiryBufferRule;
import dev.tradingsdk.core.risk.LiquidityRule;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.StaleMarketDataRule;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TimerEvent;
import dev.tradingsdk.core.strategy.TimerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buys YES and NO of a binary market while the all-in average cost of a matched pair stays below a target, so the
 * pair's $1 settlement locks in profit whatever the outcome. Runs unchanged in REPLAY, PAPER and LIVE on core's
 * engine.
 *
 * <ul>
 * <li>Accumulator, on every book update ({@link PairCostDecision#accumulate}): IOC buys at the ask, fees included
 * in the price test, within the delta bound and only with k × the size offered on the other leg.</li>
 * <li>Equalizer, every {@code equalizerPeriod}: buys the short leg while the pair stays below the hedge limit.</li>
 * <li>Leg risk: a delta above {@code legRiskShares}, or open longer than {@code legRiskTime}, is hedged if the
 * hedge limit allows, else the excess is sold at the bid.</li>
 * <li>Risk loop, every {@code riskPeriod}: {@link RiskLevel} from delta, stale books, the settlement buffer and
 * the mark-to-market loss; CRITICAL (the stop-loss) stops opening and liquidates: through the emergency handler
 * when one is set (wire it to the engine's {@code flatten}), else by selling both legs itself.</li>
 * <li>Settlement buffer: from {@code end − buffer} nothing opens and resting orders are canceled.</li>
 * <li>Window rollover at {@code end}: the $1/$0 settlement of what is held is booked (winner from the last books:
 * the leg bid at 0.9 or more), the next window comes from the {@link WindowSource}.</li>
 * </ul>
 * The engine's rules apply to every order too; {@link #riskRules} gives the matching core rules.
 *
 * <p>Not thread-safe except {@link #status()}: the engine calls it on its loop thread.
 */
public final class PairCostArbitrage implements Strategy {
    private static final Logger LOG = LoggerFactory.getLogger(PairCostArbitrage.class);
    private static final int RAW = PairPosition.DECIMALS;
    private static final long WINNER_BID = 900_000;
    static final String EQUALIZER = "equalizer";
    static final String RISK = "risk";
    static final String BUFFER = "settlement-buffer";
    static final String SETTLE = "settle";

    private final PairCostConfig config;
    private final PairCostDecision decision;
    private final WindowSource windows;
    private final Consumer<String> emergency;
    private final List<WindowResult> settled = new ArrayList<>();
    private final List<PairTrade> trades = new ArrayList<>();
    private PairMarket market;
    private PairPosition position = PairPosition.empty();
    private final ClientOrderId[] working = new ClientOrderId[2];
    private long unhedgedSinceMillis = Long.MIN_VALUE;
    private RiskLevel level = RiskLevel.LOW;
    private boolean halted;
    private long orderSequence;
    private TimerId bufferTimer;
    private TimerId settleTimer;
    private volatile PairCostStatus status;

    private PairCostArbitrage(PairMarket first, PairCostConfig config, WindowSource windows,
            Consumer<String> emergency) {
        this.market = Objects.requireNonNull(first, "market");
        this.config = Objects.requireNonNull(config, "config");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.emergency = emergency;
        this.decision = new PairCostDecision(config);
        decision.reset(first.end().toEpochMilli());
        publish();
    }

    /** A bot for {@code market} with {@code config}, one window only, liquidating by itself. */
    public static PairCostArbitrage of(PairMarket market, PairCostConfig config) {
        return new PairCostArbitrage(market, config, WindowSource.none(), null);
    }

    /**
     * A bot moving on to the windows {@code windows} finds; on CRITICAL it calls {@code emergency} with the reason
     * instead of liquidating itself (null = liquidate itself). The handler runs on the engine's loop thread: hand
     * a blocking call such as {@code engine.flatten(...)} to another thread.
     */
    public static PairCostArbitrage of(PairMarket market, PairCostConfig config, WindowSource windows,
            Consumer<String> emergency) {
        return new PairCostArbitrage(market, config, windows, emergency);
    }

    /** The core rules matching the config, for the engine's governor: liquidity depth, settlement buffer, stale data. */
    public static List<RiskRule> riskRules(PairCostConfig config) {
        return List.of(new LiquidityRule(BigDecimal.valueOf(config.liquidityMultiple())),
                new ExpiryBufferRule(config.settlementBuffer()), new StaleMarketDataRule(config.staleAfter()));
    }

    /** A consistent snapshot, safe from any thread. */
    public PairCostStatus status() {
        return status;
    }

    // ---- lifecycle --------------------------------------------------------------------------------------

    @Override
    public void onStart(StrategyContext context) {
        subscribe(context);
        context.timers().scheduleEvery(EQUALIZER, config.equalizerPeriod());
        context.timers().scheduleEvery(RISK, config.riskPeriod());
    }

    private void subscribe(StrategyContext context) {
        context.marketData().subscribe(market.yes());
        context.marketData().subscribe(market.no());
        bufferTimer = context.timers().scheduleOnce(BUFFER, market.end().minus(config.settlementBuffer()));
        settleTimer = context.timers().scheduleOnce(SETTLE, market.end());
    }

    @Override
    public void onEvent(MarketEvent event, StrategyContext context) {
        if (!(event instanceof BookSnapshot book)) {
            return;
        }
        PairLeg leg = market.legOf(book.instrument());
        if (leg == null) {
            return;
        }
        decision.onBook(leg, price(book.bids()), size(book.bids()), price(book.asks()), size(book.asks()),
                book.timestamp().toEpochMilli());
        if (halted || level.compareTo(RiskLevel.HIGH) >= 0) {
            return;
        }
        // One order in flight at a time: a fill not yet booked would otherwise be bought again.
        if (working[0] != null || working[1] != null) {
            return;
        }
        long now = context.clock().epochNanos() / 1_000_000; // not now(): an Instant per book update
        if (decision.accumulate(now, position, false, false)) {
            send(context);
        }
    }

    private static long price(List<BookLevel> levels) {
        if (levels.isEmpty()) {
            return 0;
        }
        Price best = levels.get(0).price();
        return FixedMath.rescale(best.raw(), best.precision(), RAW);
    }

    private static long size(List<BookLevel> levels) {
        if (levels.isEmpty()) {
            return 0;
        }
        Quantity best = levels.get(0).size();
        return FixedMath.rescale(best.raw(), best.precision(), RAW);
    }

    @Override
    public void onTimer(TimerEvent timer, StrategyContext context) {
        long now = context.clock().now().toEpochMilli();
        switch (timer.name()) {
            case EQUALIZER -> manageLegRisk(now, context);
            case RISK -> assessRisk(now, context);
            case BUFFER -> {
                if (timer.timer().equals(bufferTimer)) {
                    int canceled = context.orders().cancelAll();
                    LOG.info("{}: settlement buffer, {} resting orders canceled", market.slug(), canceled);
                }
            }
            case SETTLE -> {
                if (timer.timer().equals(settleTimer)) {
                    settle(context);
                }
            }
            default -> {
                // not one of ours
            }
        }
        publish();
    }

    /** Equalizer and leg-risk bound: hedge a young delta if cheap enough; an old or large one is hedged or sold. */
    private void manageLegRisk(long now, StrategyContext context) {
        long delta = Math.abs(position.deltaRaw());
        if (delta == 0 || working[0] != null || working[1] != null) {
            return;
        }
        PairLeg shortLeg = position.deltaRaw() > 0 ? PairLeg.NO : PairLeg.YES;
        if (decision.equalize(now, position, working[shortLeg.ordinal()] != null)) {
            send(context);
            return;
        }
        boolean tooLarge = delta > config.legRiskSharesRaw();
        boolean tooOld = unhedgedSinceMillis != Long.MIN_VALUE
                && now - unhedgedSinceMillis > config.legRiskTime().toMillis();
        if ((tooLarge || tooOld || !decision.opening(now))
                && decision.unwind(now, position, working[shortLeg.other().ordinal()] != null)) {
            LOG.info("{}: leg risk ({} unhedged for {} ms), selling the excess", market.slug(),
                    FixedMath.format(delta, RAW), unhedgedSinceMillis == Long.MIN_VALUE ? 0 : now - unhedgedSinceMillis);
            send(context);
        }
    }

    private void assessRisk(long now, StrategyContext context) {
        long loss = -decision.markToMarketRaw(position);
        long stop = config.stopLossRaw();
        long delta = Math.abs(position.deltaRaw());
        boolean stale = !position.isFlat() && (!decision.fresh(PairLeg.YES, now) || !decision.fresh(PairLeg.NO, now));
        RiskLevel next;
        if (!position.isFlat() && loss >= stop) {
            next = RiskLevel.CRITICAL;
        } else if (delta >= config.maxDeltaRaw() || stale || loss * 2 >= stop
                || (delta > 0 && !decision.opening(now))) {
            next = RiskLevel.HIGH;
        } else if (delta > 0 || loss * 4 >= stop) {
            next = RiskLevel.MEDIUM;
        } else {
            next = RiskLevel.LOW;
        }
        if (next != level) {
            LOG.info("{}: risk level {} -> {} (delta {}, mark-to-market loss {}, stop {})", market.slug(), level, next,
                    FixedMath.format(position.deltaRaw(), RAW), FixedMath.format(loss, RAW), FixedMath.format(stop, RAW));
        }
        level = next;
        if (next == RiskLevel.CRITICAL) {
            liquidate("stop-loss: mark-to-market loss " + FixedMath.format(loss, RAW) + " reached "
                    + config.stopLossPercent().toPlainString() + " % of capital", context);
        }
    }

    private void liquidate(String reason, StrategyContext context) {
        boolean first = !halted;
        halted = true;
        if (emergency != null) {
            if (first) {
                LOG.warn("{}: {}; emergency liquidation handed to the operator handler", market.slug(), reason);
                emergency.accept(reason);
            }
            return;
        }
        if (first) {
            LOG.warn("{}: {}; liquidating", market.slug(), reason);
            context.orders().cancelAll();
        }
        for (PairLeg leg : PairLeg.values()) {
            if (decision.liquidate(leg, position, working[leg.ordinal()] != null)) {
                send(context);
            }
        }
    }

    private void send(StrategyContext context) {
        PairLeg leg = decision.leg();
        Instrument instrument = market.instrument(leg);
        Price price = Price.ofRaw(FixedMath.rescale(decision.priceRaw(), RAW, instrument.pricePrecision()),
                instrument.pricePrecision());
        Quantity shares = Quantity.ofRaw(FixedMath.rescale(decision.sharesRaw(), RAW, instrument.sizePrecision()),
                instrument.sizePrecision());
        ClientOrderId id = ClientOrderId.of(context.strategyId() + "-" + market.slug() + "-" + (++orderSequence));
        OrderRequest request = (decision.buy() ? OrderRequest.buy(instrument) : OrderRequest.sell(instrument))
                .clientOrderId(id).quantity(shares).limit(price).timeInForce(TimeInForce.IOC).build();
        Order order = context.orders().submit(request);
        // Until its terminal update arrives the leg counts as working, even if the ack already says FILLED: the
        // fill reaches onFill later, and deciding on the old position would buy the same leg twice.
        if (order.status() != OrderStatus.REJECTED) {
            working[leg.ordinal()] = id;
        }
    }

    @Override
    public void onFill(Fill fill, Order order, StrategyContext context) {
        PairLeg leg = market.legOf(fill.instrument());
        if (leg == null) {
            return;
        }
        boolean wasHedged = position.deltaRaw() == 0;
        position = position.apply(leg, fill);
        trades.add(new PairTrade(fill.timestamp(), leg, fill.side(), fill.quantity(), fill.price(), fill.fee()));
        if (position.deltaRaw() == 0) {
            unhedgedSinceMillis = Long.MIN_VALUE;
        } else if (wasHedged) {
            unhedgedSinceMillis = fill.timestamp().toEpochMilli();
        }
        publish();
    }

    @Override
    public void onOrderUpdate(Order order, StrategyContext context) {
        if (order.status().isTerminal()) {
            for (int i = 0; i < working.length; i++) {
                if (order.clientOrderId().equals(working[i])) {
                    working[i] = null;
                }
            }
        }
    }

    @Override
    public void onOutOfSync(Instrument instrument, String reason, StrategyContext context) {
        PairLeg leg = market.legOf(instrument);
        if (leg != null) {
            decision.invalidate(leg);
        }
    }

    /** Books the $1/$0 settlement of the window and moves to the next one. */
    private void settle(StrategyContext context) {
        Optional<PairLeg> winner = winnerFromBooks();
        Money pnl = winner.map(position::settlementPnl).orElse(Money.zero(Currency.PUSD));
        settled.add(new WindowResult(market.slug(), position, winner, pnl));
        LOG.info("{}: resolved {}, position {}, P&L {}", market.slug(), winner.map(Enum::name).orElse("unknown"),
                position, pnl);
        context.marketData().unsubscribe(market.yes());
        context.marketData().unsubscribe(market.no());
        Optional<PairMarket> next = windows.next(market);
        if (next.isEmpty()) {
            return;
        }
        market = next.get();
        position = PairPosition.empty();
        trades.clear();
        working[0] = null;
        working[1] = null;
        unhedgedSinceMillis = Long.MIN_VALUE;
        decision.reset(market.end().toEpochMilli());
        subscribe(context);
    }

    private Optional<PairLeg> winnerFromBooks() {
        boolean yes = decision.bestBidRaw(PairLeg.YES) >= WINNER_BID;
        boolean no = decision.bestBidRaw(PairLeg.NO) >= WINNER_BID;
        if (yes == no) {
            return Optional.empty();
        }
        return Optional.of(yes ? PairLeg.YES : PairLeg.NO);
    }

    private void publish() {
        status = new PairCostStatus(market.slug(), position, level, halted, trades, settled);
    }

    @Override
    public String toString() {
        return "PairCostArbitrage[" + market.slug() + ", target " + FixedMath.format(config.targetRaw(), RAW) + "]";
    }
}
