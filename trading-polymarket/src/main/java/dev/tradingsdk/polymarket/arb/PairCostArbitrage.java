package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.BookSnapshot;
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
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.rules.ExpiryBufferRule;
import dev.tradingsdk.core.risk.rules.LiquidityRule;
import dev.tradingsdk.core.risk.rules.StaleMarketDataRule;
import dev.tradingsdk.core.strategy.StatusDetailSource;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.StrategyDetail;
import dev.tradingsdk.core.strategy.TimerEvent;
import dev.tradingsdk.core.strategy.TimerId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <li>Window rollover at {@code end}: the $1/$0 settlement of what is held is booked, the winner from the
 * {@link WindowSource}'s resolution (Gamma's) or, while it has not resolved, from the last books (the leg bid at 0.9
 * or more), which the {@link WindowResult} says; the next window comes from the {@link WindowSource}.</li>
 * </ul>
 * The engine's rules apply to every order too; {@link #riskRules} gives the matching core rules.
 *
 * <p>Not thread-safe except {@link #status()}: the engine calls it on its loop thread.
 */
public final class PairCostArbitrage implements Strategy, StatusDetailSource {
    private static final Logger LOG = LoggerFactory.getLogger(PairCostArbitrage.class);
    private static final int RAW = PairPosition.DECIMALS;
    private static final long WINNER_BID = 900_000;
    private static final PairLeg[] LEGS = PairLeg.values(); // values() clones on every call
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
    /** The IOC order in flight per leg and its shares (raw). */
    private final ClientOrderId[] working = new ClientOrderId[2];
    private final long[] workingShares = new long[2];
    /** The resting post-only bid per leg, its price and unfilled shares (raw), and whether we asked to cancel it. */
    private final ClientOrderId[] quote = new ClientOrderId[2];
    private final long[] quotePrice = new long[2];
    private final long[] quoteLeaves = new long[2];
    private final boolean[] quoteCanceling = new boolean[2];
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
        decision.reset(first.end().toEpochMilli(), tickRaw(first));
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
        return List.of(new TakerLiquidityRule(new LiquidityRule(BigDecimal.valueOf(config.liquidityMultiple()))),
                new ExpiryBufferRule(config.settlementBuffer()), new StaleMarketDataRule(config.staleAfter()));
    }

    /** A consistent snapshot, safe from any thread. */
    public PairCostStatus status() {
        return status;
    }

    /**
     * What the engine's status shows of the bot: the {@link RiskLevel} as the level, then the window, whether it
     * stopped opening exposure, both legs' shares, the delta, the pair cost, the locked profit and the trade
     * counts, from {@link #status()}.
     */
    @Override
    public StrategyDetail statusDetail() {
        PairCostStatus now = status;
        PairPosition p = now.position();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("slug", now.slug());
        fields.put("halted", Boolean.toString(now.halted()));
        fields.put("yesShares", p.shares(PairLeg.YES).toString());
        fields.put("noShares", p.shares(PairLeg.NO).toString());
        fields.put("delta", p.delta().toString());
        fields.put("pairCost", p.pairCost().map(Price::toString).orElse("none"));
        fields.put("lockedProfit", p.lockedProfit().toString());
        fields.put("trades", Integer.toString(now.trades().size()));
        fields.put("settledWindows", Integer.toString(now.settled().size()));
        return new StrategyDetail(now.riskLevel().name(), fields);
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
        long now = context.clock().epochNanos() / 1_000_000; // not now(): an Instant per book update
        maintainQuotes(now, context);
        if (halted || level.compareTo(RiskLevel.HIGH) >= 0) {
            return;
        }
        // One taker order in flight at a time: a fill not yet booked would otherwise be bought again.
        if (working[0] != null || working[1] != null) {
            return;
        }
        if (decision.accumulate(now, position, false, false)) {
            send(context);
        }
    }

    /**
     * Maker mode: for each leg, the bid that should rest ({@link PairCostDecision#quote}) against the one that
     * does. A missing one is placed; a resting one is canceled when no bid should rest, its price must move or
     * the delta bound no longer leaves room for what is left of it. Its replacement goes out once the cancel is
     * confirmed, so at most one bid per leg can ever fill.
     */
    private void maintainQuotes(long now, StrategyContext context) {
        if (config.mode() != QuotingMode.MAKER_AND_TAKER) {
            return;
        }
        boolean hedgeOnly = level.compareTo(RiskLevel.HIGH) >= 0;
        for (PairLeg leg : LEGS) {
            int i = leg.ordinal();
            if (quoteCanceling[i]) {
                continue;
            }
            boolean wanted = !halted && decision.quote(leg, now, position, workingShares[i], hedgeOnly);
            if (quote[i] == null) {
                if (wanted) {
                    placeQuote(context);
                }
            } else if (!wanted || decision.priceRaw() != quotePrice[i] || decision.sharesRaw() < quoteLeaves[i]) {
                quoteCanceling[i] = true;
                context.orders().cancel(quote[i]);
            }
        }
    }

    private void placeQuote(StrategyContext context) {
        PairLeg leg = decision.leg();
        Instrument instrument = market.instrument(leg);
        ClientOrderId id = nextId(context);
        OrderRequest request = OrderRequest.buy(instrument).clientOrderId(id).quantity(shares(instrument))
                .limit(price(instrument)).timeInForce(TimeInForce.GTC).postOnly(true).build();
        Order order = context.orders().submit(request);
        if (order.status() != OrderStatus.REJECTED) {
            int i = leg.ordinal();
            quote[i] = id;
            quotePrice[i] = decision.priceRaw();
            quoteLeaves[i] = decision.sharesRaw();
            decision.resting(leg, quotePrice[i], quoteLeaves[i]);
        }
    }

    private void clearQuotes() {
        for (PairLeg leg : LEGS) {
            clearQuote(leg.ordinal());
        }
    }

    private void clearQuote(int i) {
        quote[i] = null;
        quotePrice[i] = 0;
        quoteLeaves[i] = 0;
        quoteCanceling[i] = false;
        decision.resting(LEGS[i], 0, 0);
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
            case EQUALIZER -> {
                manageLegRisk(now, context);
                maintainQuotes(now, context);
            }
            case RISK -> {
                assessRisk(now, context);
                maintainQuotes(now, context);
            }
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
            cancelQuote(shortLeg.other().ordinal(), context); // a bid still resting there would undo the sale
            LOG.info("{}: leg risk ({} unhedged for {} ms), selling the excess", market.slug(),
                    FixedMath.format(delta, RAW), unhedgedSinceMillis == Long.MIN_VALUE ? 0 : now - unhedgedSinceMillis);
            send(context);
        }
    }

    private void cancelQuote(int i, StrategyContext context) {
        if (quote[i] != null && !quoteCanceling[i]) {
            quoteCanceling[i] = true;
            context.orders().cancel(quote[i]);
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
        for (PairLeg leg : LEGS) {
            if (decision.liquidate(leg, position, working[leg.ordinal()] != null)) {
                send(context);
            }
        }
    }

    private Price price(Instrument instrument) {
        return Price.ofRaw(FixedMath.rescale(decision.priceRaw(), RAW, instrument.pricePrecision()),
                instrument.pricePrecision());
    }

    private Quantity shares(Instrument instrument) {
        return Quantity.ofRaw(FixedMath.rescale(decision.sharesRaw(), RAW, instrument.sizePrecision()),
                instrument.sizePrecision());
    }

    private ClientOrderId nextId(StrategyContext context) {
        return ClientOrderId.of(context.strategyId() + "-" + market.slug() + "-" + (++orderSequence));
    }

    private static long tickRaw(PairMarket market) {
        Price tick = market.yes().tickSize();
        return FixedMath.rescale(tick.raw(), tick.precision(), RAW);
    }

    private void send(StrategyContext context) {
        PairLeg leg = decision.leg();
        Instrument instrument = market.instrument(leg);
        ClientOrderId id = nextId(context);
        OrderRequest request = (decision.buy() ? OrderRequest.buy(instrument) : OrderRequest.sell(instrument))
                .clientOrderId(id).quantity(shares(instrument)).limit(price(instrument))
                .timeInForce(TimeInForce.IOC).build();
        Order order = context.orders().submit(request);
        // Until its terminal update arrives the leg counts as working, even if the ack already says FILLED: the
        // fill reaches onFill later, and deciding on the old position would buy the same leg twice.
        if (order.status() != OrderStatus.REJECTED) {
            working[leg.ordinal()] = id;
            workingShares[leg.ordinal()] = decision.buy() ? decision.sharesRaw() : 0;
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
        for (int i = 0; i < 2; i++) {
            if (order.clientOrderId().equals(quote[i])) {
                onQuoteUpdate(i, order, context);
            } else if (order.status().isTerminal() && order.clientOrderId().equals(working[i])) {
                working[i] = null;
                workingShares[i] = 0;
            }
        }
    }

    private void onQuoteUpdate(int i, Order order, StrategyContext context) {
        Quantity leaves = order.leavesQuantity();
        quoteLeaves[i] = FixedMath.rescale(leaves.raw(), leaves.precision(), RAW);
        if (!order.status().isTerminal()) {
            decision.resting(LEGS[i], quotePrice[i], quoteLeaves[i]);
            return;
        }
        boolean replacing = quoteCanceling[i] && order.status() == OrderStatus.CANCELED;
        clearQuote(i);
        // Our cancel confirmed: the replacement goes out now. A bid the venue refused (a post-only that would have
        // crossed) or that filled waits for the next book instead, so a venue refusing every bid is not a loop.
        if (replacing) {
            maintainQuotes(context.clock().epochNanos() / 1_000_000, context);
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
        Optional<PairLeg> winner = resolvedWinner();
        WindowResult.WinnerSource source = WindowResult.WinnerSource.RESOLUTION;
        if (winner.isEmpty()) {
            winner = winnerFromBooks();
            source = winner.isPresent() ? WindowResult.WinnerSource.BOOKS : WindowResult.WinnerSource.NONE;
        }
        Money pnl = winner.map(position::settlementPnl).orElse(Money.zero(Currency.PUSD));
        settled.add(new WindowResult(market.slug(), position, winner, source, pnl));
        LOG.info("{}: resolved {} (winner from {}), position {}, P&L {}", market.slug(),
                winner.map(Enum::name).orElse("unknown"), source, position, pnl);
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
        workingShares[0] = 0;
        workingShares[1] = 0;
        unhedgedSinceMillis = Long.MIN_VALUE;
        decision.reset(market.end().toEpochMilli(), tickRaw(market));
        clearQuotes();
        subscribe(context);
    }

    /** The venue's resolution; a lookup that fails is logged and the books decide. */
    private Optional<PairLeg> resolvedWinner() {
        try {
            return windows.resolvedWinner(market);
        } catch (RuntimeException e) {
            LOG.warn("{}: resolution lookup failed, the winner comes from the books", market.slug(), e);
            return Optional.empty();
        }
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

    /** The liquidity-depth rule for orders that take; a post-only bid adds liquidity and needs none on the ask. */
    private record TakerLiquidityRule(LiquidityRule depth) implements RiskRule {
        @Override
        public String code() {
            return depth.code();
        }

        @Override
        public RuleResult check(RiskContext context) {
            return context.order().postOnly() ? RuleResult.pass() : depth.check(context);
        }
    }

    @Override
    public String toString() {
        return "PairCostArbitrage[" + market.slug() + ", target " + FixedMath.format(config.targetRaw(), RAW) + "]";
    }
}
