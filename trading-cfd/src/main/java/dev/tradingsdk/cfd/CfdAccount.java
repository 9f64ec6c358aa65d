package dev.tradingsdk.cfd;

import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionLedger;
import dev.tradingsdk.core.portfolio.PositionSide;
import dev.tradingsdk.core.risk.LiquidationPlan;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskEvent;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.monitor.LiquidationPlanner;
import dev.tradingsdk.core.risk.monitor.MarginMonitor;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.EpochNanos;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CFD account: cash, positions and margin, trading MARKET orders at the latest bid/ask it was given (longs buy
 * at the ask and sell at the bid), with commission, spread and overnight financing from its {@link CfdTerms}.
 *
 * <p>Every price update ({@link #mark}) applies the rollovers that are due by the clock and then enforces margin
 * through core's one margin model ({@link MarginMonitor}): below the margin call level it emits a
 * {@link CfdEvent.MarginCall} (core's {@link RiskEvent.MarginCall}); below the stop-out level it closes whole
 * positions, the largest loss first ({@link LiquidationPlanner}), until the level is back at the margin call level
 * or nothing is left; both boundaries are strict. A balance that ends below zero is written off to zero (negative
 * balance protection) and the loss recorded.
 *
 * <p>A new order that adds exposure is refused (status REJECTED, with the reason) when afterwards the margin
 * would exceed equity, the gross leverage the terms' maximum, or the instrument's notional the maximum
 * percentage of equity. Orders that only reduce exposure are always accepted.
 *
 * <p>Every change is emitted as a {@link CfdEvent}; {@link #rebuild} restores an identical account from them.
 * Not thread-safe: one thread drives an account.
 */
public final class CfdAccount implements OrderGateway, AccountView, MarketDataListener {

    private static final GatewayCapabilities CAPABILITIES = new GatewayCapabilities(EnumSet.of(OrderType.MARKET),
            EnumSet.allOf(TimeInForce.class), false, false, true, true);

    private final String accountId;
    private final Currency currency;
    private final CfdTerms terms;
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(CfdAccount.class);

    private final List<Consumer<CfdEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private String stopped;
    private final List<OrderListener> orderListeners = new CopyOnWriteArrayList<>();
    /** Positions and round trips: fills are booked through core's one booking primitive. */
    private final PositionLedger ledger;
    private final List<ClosedTrade> closedTrades = new ArrayList<>();
    private final Map<InstrumentId, CfdQuote> quotes = new LinkedHashMap<>();
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Map<InstrumentId, TopOfBook> books = new LinkedHashMap<>();
    private final RiskGovernor governor;

    private Money cash;
    private Money fees;
    private Money financing;
    private Money writtenOff;
    private Instant nextRollover;
    private boolean marginCallActive;
    private long fillCount;
    private long liquidations;
    private long tradeSequence;
    private long stopOutSequence;

    private CfdAccount(String accountId, Money initialCash, CfdTerms terms, Clock clock, RiskGovernor governor) {
        this.accountId = accountId;
        if (governor != null && governor.rules().stream().noneMatch(r -> r.code().equals(CfdMarginRule.CODE))) {
            throw new IllegalStateException("riskGovernor has no " + CfdMarginRule.CODE + " rule (its rules: "
                    + governor.rules().stream().map(RiskRule::code).toList() + "): it would drop the account's "
                    + "own margin check; add terms.riskRules() to it");
        }
        this.governor = governor != null ? governor : RiskGovernor.builder().clock(clock)
                .rules(terms.riskRules().toArray(new RiskRule[0])).build();
        this.ledger = new PositionLedger(accountId);
        this.currency = initialCash.currency();
        this.terms = terms;
        this.clock = clock;
        this.cash = initialCash;
        this.fees = Money.zero(currency);
        this.financing = Money.zero(currency);
        this.writtenOff = Money.zero(currency);
        this.nextRollover = firstRolloverAfter(clock.now(), terms);
    }

    /** Starts building an account with {@code initialCash} (which sets the account currency). */
    public static Builder builder(String accountId, Money initialCash) {
        return new Builder(accountId, initialCash);
    }

    /**
     * Rebuilds an account from its events (starting with {@link CfdEvent.AccountOpened}), exactly as it was after
     * the last one, without emitting anything. {@code terms} and {@code clock} must be what the account used.
     */
    public static CfdAccount rebuild(List<? extends CfdEvent> events, CfdTerms terms, Clock clock) {
        return rebuild(events, terms, clock, null);
    }

    /** As {@link #rebuild(List, CfdTerms, Clock)} for an account that checks orders with {@code governor}. */
    public static CfdAccount rebuild(List<? extends CfdEvent> events, CfdTerms terms, Clock clock,
                                     RiskGovernor governor) {
        if (events.isEmpty() || !(events.get(0) instanceof CfdEvent.AccountOpened opened)) {
            throw new IllegalArgumentException("events must start with AccountOpened, were " + (events.isEmpty()
                    ? "empty" : events.get(0).getClass().getSimpleName()));
        }
        CfdAccount account = new CfdAccount(opened.accountId(), opened.initialCash(), terms, clock, governor);
        account.nextRollover = firstRolloverAfter(opened.at(), terms);
        for (CfdEvent event : events.subList(1, events.size())) {
            if (!event.accountId().equals(account.accountId)) {
                throw new IllegalArgumentException("event for account " + event.accountId() + " in the journal of "
                        + account.accountId);
            }
            account.replay(event);
        }
        account.marginCallActive = account.isBelow(terms.marginCallPercent());
        return account;
    }

    private void replay(CfdEvent event) {
        if (event instanceof CfdEvent.PriceMarked e) {
            quotes.put(e.instrument().id(), new CfdQuote(e.instrument(), e.bid(), e.ask()));
            updateBook(e.instrument(), e.bid(), e.ask(), e.at());
        } else if (event instanceof CfdEvent.OrderUpdated e) {
            // a second update for a known id is a rejected duplicate submission, which changed nothing
            orders.putIfAbsent(e.order().clientOrderId(), e.order().snapshot());
        } else if (event instanceof CfdEvent.Filled e) {
            book(e.fill());
            tradeSequence++;
        } else if (event instanceof CfdEvent.FinancingCharged e) {
            chargeFinancing(e.amount());
        } else if (event instanceof CfdEvent.RolledOver e) {
            nextRollover = e.at().plus(Duration.ofDays(1));
        } else if (event instanceof CfdEvent.MarginCall) {
            marginCallActive = true;
        } else if (event instanceof CfdEvent.Liquidation) {
            liquidations++;
            stopOutSequence++;
        } else if (event instanceof CfdEvent.BalanceWrittenOff e) {
            writeOff(e.amount());
        } else {
            throw new IllegalArgumentException("unexpected " + event.getClass().getSimpleName() + " at " + event.at());
        }
    }

    // ---------------------------------------------------------------- prices

    /** New bid/ask for {@code instrument}; then applies due rollovers and enforces margin. */
    public void mark(Instrument instrument, Price bid, Price ask) {
        checkQuote(instrument, bid, ask);
        checkRevaluation(List.of(new CfdQuote(instrument, bid, ask)));
        markQuietly(instrument, bid, ask);
        settle();
    }

    /**
     * New quotes for several instruments at once; then applies due rollovers and enforces margin once. One
     * invalid quote refuses them all, before any is applied.
     */
    public void markAll(Collection<Quote> newQuotes) {
        checkMarks(newQuotes);
        for (Quote q : newQuotes) {
            markQuietly(q.instrument(), q.bid(), q.ask());
        }
        settle();
    }

    /**
     * Throws, naming the instrument and prices, unless every quote is valid and this account can be revalued at
     * them (a representable but absurd price can overflow the equity); changes nothing either way.
     */
    void checkMarks(Collection<Quote> newQuotes) {
        checkQuotes(newQuotes);
        List<CfdQuote> list = new ArrayList<>(newQuotes.size());
        for (Quote q : newQuotes) {
            list.add(new CfdQuote(q.instrument(), q.bid(), q.ask()));
        }
        checkRevaluation(list);
    }

    /** Revalues the account at {@code trial} prices and puts the old prices back, whatever happens. */
    private void checkRevaluation(List<CfdQuote> trial) {
        Map<InstrumentId, CfdQuote> saved = new LinkedHashMap<>();
        for (CfdQuote q : trial) {
            if (!saved.containsKey(q.instrument().id())) {
                saved.put(q.instrument().id(), quotes.get(q.instrument().id()));
            }
            quotes.put(q.instrument().id(), q);
        }
        try {
            equity();
            marginUsed();
            grossNotional();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("account " + accountId + " cannot be revalued at " + trial
                    + ": its equity or margin would overflow (" + e.getMessage() + "); the prices are refused", e);
        } finally {
            for (Map.Entry<InstrumentId, CfdQuote> e : saved.entrySet()) {
                if (e.getValue() == null) {
                    quotes.remove(e.getKey());
                } else {
                    quotes.put(e.getKey(), e.getValue());
                }
            }
        }
    }

    /** Throws, naming the field and value, unless every quote has {@code 0 < bid <= ask} at its precision. */
    static void checkQuotes(Collection<Quote> quotes) {
        for (Quote q : quotes) {
            checkQuote(q.instrument(), q.bid(), q.ask());
        }
    }

    private static void checkQuote(Instrument instrument, Price bid, Price ask) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        if (bid.signum() <= 0 || ask.compareTo(bid) < 0) {
            throw new IllegalArgumentException("quote for " + instrument + " needs 0 < bid <= ask, was bid=" + bid
                    + " ask=" + ask);
        }
        CfdMath.priceRaw(instrument, "bid", bid);
        CfdMath.priceRaw(instrument, "ask", ask);
    }

    /**
     * A mid price for {@code instrument}: the terms' spread for its asset class is put around it
     * ({@link CfdTerms#quoteAroundMid}), then as {@link #mark}.
     */
    public void markMid(Instrument instrument, Price mid) {
        Quote q = terms.quoteAroundMid(instrument, mid, clock.now());
        mark(instrument, q.bid(), q.ask());
    }

    private void markQuietly(Instrument instrument, Price bid, Price ask) {
        Instant now = clock.now();
        record(new CfdEvent.PriceMarked(accountId, now, instrument, bid, ask));
        quotes.put(instrument.id(), new CfdQuote(instrument, bid, ask));
        updateBook(instrument, bid, ask, now);
    }

    /** Stamped with the price's own time (also on a rebuild), so market-data age rules see its true age. */
    private void updateBook(Instrument instrument, Price bid, Price ask, Instant at) {
        int p = instrument.pricePrecision();
        long atNanos = EpochNanos.of(at);
        books.computeIfAbsent(instrument.id(), id -> new TopOfBook(instrument))
                .update(bid.rawAt(p), 0, ask.rawAt(p), 0, atNanos);
    }

    /**
     * Prices from a feed, so the account runs in a {@link dev.tradingsdk.core.strategy.TradingEngine} (REPLAY or
     * PAPER) as its gateway: a quote marks at its bid and ask, a bar at the terms' spread around its close, a
     * two-sided book snapshot at its best bid and ask; trades and one-sided books do not move the marks.
     */
    @Override
    public void onEvent(MarketEvent event) {
        if (event instanceof Quote q) {
            mark(q.instrument(), q.bid(), q.ask());
        } else if (event instanceof Bar bar) {
            markMid(bar.instrument(), bar.close());
        } else if (event instanceof BookSnapshot book && book.bestBid().isPresent() && book.bestAsk().isPresent()) {
            mark(book.instrument(), book.bestBid().get(), book.bestAsk().get());
        }
    }

    /** The latest quote for {@code instrument}, if any. */
    public Optional<Quote> quote(InstrumentId instrument) {
        CfdQuote q = quotes.get(instrument);
        if (q == null) {
            return Optional.empty();
        }
        Quantity none = Quantity.zero(q.instrument().sizePrecision());
        return Optional.of(new Quote(q.instrument(), clock.now(), q.bid(), none, q.ask(), none));
    }

    /** Applies the rollovers due by the clock, then the margin call, stop-out and negative balance rules. */
    public void settle() {
        Instant now = clock.now();
        while (!nextRollover.isAfter(now)) {
            Instant rollover = nextRollover;
            for (Position p : openPositions()) {
                Money amount = financingFor(p);
                if (!amount.isZero()) {
                    record(new CfdEvent.FinancingCharged(accountId, rollover, p.instrument(), amount));
                    chargeFinancing(amount);
                }
            }
            record(new CfdEvent.RolledOver(accountId, rollover));
            nextRollover = rollover.plus(Duration.ofDays(1));
        }
        enforceMargin(now);
    }

    private Money financingFor(Position p) {
        return terms.financing(p.side() == PositionSide.LONG, positionNotional(p));
    }

    private void chargeFinancing(Money amount) {
        cash = cash.minus(amount);
        financing = financing.plus(amount);
    }

    /**
     * Core's one margin model: the margin call and the stop-out fire strictly below their levels
     * ({@link MarginMonitor#isBelowLevel}); a stop-out closes whole positions in {@link LiquidationPlanner}'s order
     * (largest loss first) until the level is back at the margin-call level, re-planned after every close because
     * each close pays commission at the bid or ask.
     */
    private void enforceMargin(Instant now) {
        boolean belowCall = isBelow(terms.marginCallPercent());
        if (belowCall && !marginCallActive) {
            Money equity = equity();
            Money used = marginUsed();
            record(new CfdEvent.MarginCall(new RiskEvent.MarginCall(accountId,
                    MarginMonitor.marginLevelPercent(equity, used).orElseThrow(),
                    BigDecimal.valueOf(terms.marginCallPercent()), equity, used, now)));
        }
        marginCallActive = belowCall;
        if (isBelow(terms.stopOutPercent())) {
            BigDecimal target = BigDecimal.valueOf(terms.marginCallPercent());
            LiquidationPlan plan = LiquidationPlanner.plan(liquidationCandidates(), equity(), marginUsed(), target);
            while (!plan.isEmpty()) {
                liquidate(ledger.position(plan.steps().get(0).instrument()).orElseThrow(), now);
                plan = LiquidationPlanner.plan(liquidationCandidates(), equity(), marginUsed(), target);
            }
        }
        if (openPositions().isEmpty() && cash.isNegative()) {
            Money amount = cash.negate();
            record(new CfdEvent.BalanceWrittenOff(accountId, now, amount));
            writeOff(amount);
        }
        marginCallActive = isBelow(terms.marginCallPercent());
    }

    /** The open positions as the planner sees them: valued where they would close, with this account's margin. */
    private List<LiquidationPlanner.Candidate> liquidationCandidates() {
        List<LiquidationPlanner.Candidate> candidates = new ArrayList<>();
        for (Position p : openPositions()) {
            candidates.add(new LiquidationPlanner.Candidate(p.instrument(), p.netRaw(),
                    p.unrealizedPnl(closingPrice(p)), positionMargin(p)));
        }
        return candidates;
    }

    private void liquidate(Position position, Instant now) {
        Instrument instrument = position.instrument();
        Side side = position.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
        long sequence = stopOutSequence + 1;
        OrderRequest request = OrderRequest.builder(instrument, side).quantity(position.quantity()).market()
                .clientOrderId("stop-out-" + sequence).build();
        Order order = new Order(request, now);
        order.markSubmitted(now);
        // The fill is recorded before it is booked (execute); the liquidation's counters move only once the
        // Liquidation record, which carries the fill's outcome, is written, as a rebuild counts them.
        PositionLedger.Booking booking = execute(order, now);
        record(new CfdEvent.Liquidation(accountId, now, instrument, booking.realizedPnl(), equity()));
        stopOutSequence = sequence;
        liquidations++;
    }

    private void writeOff(Money amount) {
        cash = cash.plus(amount);
        writtenOff = writtenOff.plus(amount);
    }

    private boolean isBelow(long levelPercent) {
        return MarginMonitor.isBelowLevel(equity(), marginUsed(), BigDecimal.valueOf(levelPercent));
    }

    // ---------------------------------------------------------------- orders

    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        Instant now = clock.now();
        Order order = new Order(request, now);
        if (stopped != null) {
            order.markRejected("account " + accountId + " stopped trading: " + stopped, now);
            return order.snapshot();
        }
        if (orders.containsKey(request.clientOrderId())) {
            order.markRejected("duplicate clientOrderId " + request.clientOrderId(), now);
            Order snapshot = order.snapshot();
            record(new CfdEvent.OrderUpdated(accountId, now, snapshot));
            notifyUpdate(snapshot);
            return snapshot;
        }
        order.markSubmitted(now);
        Optional<String> refusal = refusal(request);
        if (refusal.isPresent()) {
            order.markRejected(refusal.get(), now);
            Order snapshot = order.snapshot();
            record(new CfdEvent.OrderUpdated(accountId, now, snapshot));
            orders.put(request.clientOrderId(), order);
            notifyUpdate(snapshot);
            return snapshot;
        }
        execute(order, now);
        marginCallActive = isBelow(terms.marginCallPercent());
        return order.snapshot();
    }

    /**
     * Fills {@code order} in full at the current bid/ask, books it and tells everyone (the governor's rules get the
     * fill and the round trip it closed, if any, so a circuit breaker counts this account's losing trips). The fill
     * is recorded (the event listeners, e.g. the journal) before it is booked: a listener that throws leaves nothing booked and
     * stops the account, so a retry cannot fill twice. A rule's post-trade hook that throws is logged; the fill
     * stands, since it happened.
     */
    private PositionLedger.Booking execute(Order order, Instant now) {
        OrderRequest request = order.request();
        Instrument instrument = request.instrument();
        CfdQuote q = quotes.get(instrument.id());
        Price price = request.side() == Side.BUY ? q.ask() : q.bid();
        Money fee = terms.commission(instrument, price, request.quantity());
        String tradeId = accountId + "-" + (tradeSequence + 1);
        order.markAccepted(tradeId, now);
        Fill fill = new Fill(request.clientOrderId(), tradeId, instrument, request.side(), price,
                request.quantity(), fee, now);
        order.applyFill(fill);
        checkBookable(fill);
        record(new CfdEvent.Filled(accountId, now, fill));
        tradeSequence++;
        PositionLedger.Booking booking = book(fill);
        orders.put(request.clientOrderId(), order);
        Order snapshot = order.snapshot();
        try {
            governor.onFill(accountId, fill);
            booking.closedTrade().ifPresent(governor::onClosedTrade);
        } catch (RuntimeException e) {
            LOG.warn("account {}: a risk rule failed on fill {}; the fill stands", accountId, tradeId, e);
        }
        record(new CfdEvent.OrderUpdated(accountId, now, snapshot));
        for (OrderListener listener : orderListeners) {
            listener.onFill(fill, snapshot);
        }
        notifyUpdate(snapshot);
        return booking;
    }

    /** Throws, changing nothing, when booking {@code fill} would overflow the position or the cash. */
    private void checkBookable(Fill fill) {
        cash.plus(ledger.preview(fill).realizedPnl()).minus(fill.fee());
    }

    /**
     * Books a fill through the ledger; a margin account settles only what the fill realized, and pays its fee
     * (the position's cost is carried by margin, not paid from cash).
     */
    private PositionLedger.Booking book(Fill fill) {
        PositionLedger.Booking booking = ledger.book(fill);
        cash = cash.plus(booking.realizedPnl()).minus(fill.fee());
        fees = fees.plus(fill.fee());
        fillCount++;
        booking.closedTrade().ifPresent(closedTrades::add);
        return booking;
    }

    private Optional<String> refusal(OrderRequest request) {
        Instrument instrument = request.instrument();
        if (request.type() != OrderType.MARKET) {
            return Optional.of("order type " + request.type() + " is not supported: this CFD account fills MARKET"
                    + " orders only");
        }
        if (!instrument.quoteCurrency().equals(currency)) {
            return Optional.of(instrument + " is quoted in " + instrument.quoteCurrency() + ", the account in "
                    + currency);
        }
        if (!quotes.containsKey(instrument.id())) {
            return Optional.of("no price for " + instrument);
        }
        long before = ledger.netRaw(instrument.id());
        long size = request.quantity().rawAt(instrument.sizePrecision());
        long after = Math.abs(Math.addExact(before, request.side() == Side.BUY ? size : Math.negateExact(size)));
        long minimum = instrument.minSize().rawAt(instrument.sizePrecision());
        if (after != 0 && after < minimum) {
            // the stop-out must always be able to close what is left with a valid order
            return Optional.of("would leave " + FixedMath.format(after, instrument.sizePrecision()) + " of "
                    + instrument + ", below its minimum size " + instrument.minSize());
        }
        RiskDecision decision = governor.check(request, this, this::marketSnapshot);
        if (decision.accepted()) {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder();
        for (RiskViolation violation : decision.violations()) {
            reason.append(reason.length() == 0 ? "" : "; ").append(violation);
        }
        return Optional.of(reason.toString());
    }

    private MarketSnapshot marketSnapshot(InstrumentId instrument) {
        return books.get(instrument);
    }

    @Override
    public boolean cancel(ClientOrderId id) {
        Order order = orders.get(id);
        return order != null && order.status().isOpen();
    }

    @Override
    public Optional<Order> order(ClientOrderId id) {
        Order order = orders.get(id);
        return order == null ? Optional.empty() : Optional.of(order.snapshot());
    }

    /** Always empty: market orders fill or are rejected on submission, nothing rests. */
    @Override
    public List<Order> openOrders() {
        List<Order> open = new ArrayList<>();
        for (Order order : orders.values()) {
            if (order.status().isOpen()) {
                open.add(order.snapshot());
            }
        }
        return open;
    }

    /** Snapshots of every order this account has seen, in submission order. */
    public List<Order> orders() {
        List<Order> all = new ArrayList<>(orders.size());
        for (Order order : orders.values()) {
            all.add(order.snapshot());
        }
        return all;
    }

    @Override
    public void addListener(OrderListener listener) {
        orderListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Receives every {@link CfdEvent} from now on (to journal them, for example). */
    public void addEventListener(Consumer<CfdEvent> listener) {
        eventListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public GatewayCapabilities capabilities() {
        return CAPABILITIES;
    }

    private void notifyUpdate(Order snapshot) {
        for (OrderListener listener : orderListeners) {
            listener.onOrderUpdate(snapshot);
        }
    }

    /**
     * Hands {@code event} to every event listener before the change it records is applied; if one throws, the
     * account stops trading (every later order is rejected with the reason) and the caller gets a
     * {@link CfdAccountStoppedException}.
     */
    private void record(CfdEvent event) {
        try {
            for (Consumer<CfdEvent> listener : eventListeners) {
                listener.accept(event);
            }
        } catch (RuntimeException e) {
            stopped = "an event listener failed on " + event.getClass().getSimpleName() + " at " + event.at()
                    + ": " + e;
            LOG.error("account {} stopped trading: {}", accountId, stopped, e);
            throw new CfdAccountStoppedException(accountId, stopped, e);
        }
    }

    /** Why the account stopped trading (a failed event listener, e.g. the journal); empty while it trades. */
    public Optional<String> stopped() {
        return Optional.ofNullable(stopped);
    }

    // ---------------------------------------------------------------- account view

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public Currency currency() {
        return currency;
    }

    @Override
    public Money cash() {
        return cash;
    }

    @Override
    public Money equity() {
        return CfdMath.equity(cash, unrealizedPnl());
    }

    @Override
    public Money marginUsed() {
        Money used = Money.zero(currency);
        for (Position p : openPositions()) {
            used = used.plus(positionMargin(p));
        }
        return used;
    }

    @Override
    public Money marginAvailable() {
        return CfdMath.freeMargin(equity(), marginUsed());
    }

    /** Realized P&amp;L of all closes, before commission and financing. */
    @Override
    public Money realizedPnl() {
        Money total = Money.zero(currency);
        for (Position p : ledger.positions()) {
            total = total.plus(p.realizedPnl());
        }
        return total;
    }

    /** Unrealized P&amp;L, longs at the bid and shorts at the ask. */
    @Override
    public Money unrealizedPnl() {
        Money total = Money.zero(currency);
        for (Position p : openPositions()) {
            total = total.plus(p.unrealizedPnl(closingPrice(p)));
        }
        return total;
    }

    /** Copies of the open positions: later fills do not move them, and they cannot change the account. */
    @Override
    public List<Position> positions() {
        return openPositions();
    }

    /** A copy of the open position, if any. */
    @Override
    public Optional<Position> position(InstrumentId instrument) {
        return ledger.position(instrument).filter(p -> !p.isFlat());
    }

    /** Sum of the absolute notionals of open positions at their closing prices. */
    public Money grossNotional() {
        Money total = Money.zero(currency);
        for (Position p : openPositions()) {
            total = total.plus(positionNotional(p));
        }
        return total;
    }

    /** Notional of the open position in {@code instrument} at its closing price; zero when flat. */
    public Money notional(InstrumentId instrument) {
        return position(instrument).map(this::positionNotional).orElse(Money.zero(currency));
    }

    /**
     * Margin level in percent, as core's {@link MarginMonitor#marginLevelPercent} shows it (four decimals, rounded
     * down); empty when no margin is used.
     */
    public Optional<BigDecimal> marginLevelPercent() {
        return MarginMonitor.marginLevelPercent(equity(), marginUsed());
    }

    /** Gross notional / equity; empty when equity is not positive. */
    public Optional<BigDecimal> currentLeverage() {
        return CfdMath.currentLeverage(grossNotional(), equity());
    }

    /** The margin leverage that applies to {@code instrument} under this account's terms. */
    public int leverageFor(Instrument instrument) {
        return terms.leverageFor(instrument);
    }

    /** Where the open position in {@code instrument} would be stopped out, see {@link CfdMath#liquidationPrice}. */
    public Optional<Price> liquidationPrice(InstrumentId instrument) {
        Position p = position(instrument).orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        Money equityWithout = equity().minus(p.unrealizedPnl(closingPrice(p)));
        Money otherMargin = marginUsed().minus(positionMargin(p));
        return CfdMath.liquidationPrice(p.instrument(), p.side(), p.quantity(), p.costBasis(), equityWithout,
                otherMargin, terms.leverageFor(p.instrument()), terms.stopOutPercent());
    }

    /** Commission paid on all fills. */
    public Money fees() {
        return fees;
    }

    /** Net overnight financing paid (negative when received). */
    public Money financing() {
        return financing;
    }

    /** Losses written off by negative balance protection. */
    public Money writtenOff() {
        return writtenOff;
    }

    /** Number of fills. */
    public long fillCount() {
        return fillCount;
    }

    /**
     * The round trips closed so far, oldest first (core's {@link ClosedTrade}: a partial close closes none, a flip
     * closes one and opens the next; stop-out closes count). Their fees are commission only: financing is charged
     * to the account, not to a trade. {@code Metrics.winRate(closedTrades())} is the account's win rate.
     */
    public List<ClosedTrade> closedTrades() {
        return List.copyOf(closedTrades);
    }

    /** Positions closed by the stop-out. */
    public long liquidations() {
        return liquidations;
    }

    /** Whether the margin level is currently below the margin call level. */
    public boolean isMarginCall() {
        return marginCallActive;
    }

    /** When the next overnight financing is charged. */
    public Instant nextRollover() {
        return nextRollover;
    }

    public CfdTerms terms() {
        return terms;
    }

    private List<Position> openPositions() {
        return ledger.openPositions();
    }

    Price closingPrice(Position p) {
        CfdQuote q = quotes.get(p.instrument().id());
        return p.side() == PositionSide.LONG ? q.bid() : q.ask();
    }

    private Money positionNotional(Position p) {
        return p.instrument().notional(closingPrice(p), p.quantity());
    }

    private Money positionMargin(Position p) {
        return CfdMath.marginRequired(positionNotional(p), terms.leverageFor(p.instrument()));
    }

    private static Instant firstRolloverAfter(Instant t, CfdTerms terms) {
        ZonedDateTime candidate = t.atZone(ZoneOffset.UTC).toLocalDate().atTime(terms.rolloverTime())
                .atZone(ZoneOffset.UTC);
        Instant first = candidate.toInstant();
        return first.isAfter(t) ? first : first.plus(Duration.ofDays(1));
    }

    @Override
    public String toString() {
        return "CfdAccount[" + accountId + " cash=" + cash + " positions=" + openPositions().size() + "]";
    }

    /** A bid and ask for one instrument. */
    private record CfdQuote(Instrument instrument, Price bid, Price ask) {
    }

    /** Fluent builder for {@link CfdAccount}. */
    public static final class Builder {
        private final String accountId;
        private final Money initialCash;
        private CfdTerms terms = CfdTerms.defaults();
        private Clock clock = Clock.system();
        private RiskGovernor governor;
        private final List<Consumer<CfdEvent>> listeners = new ArrayList<>();

        private Builder(String accountId, Money initialCash) {
            if (accountId == null || accountId.isBlank()) {
                throw new IllegalArgumentException("accountId must not be blank, was \"" + accountId + "\"");
            }
            Objects.requireNonNull(initialCash, "initialCash");
            if (initialCash.isNegative()) {
                throw new IllegalArgumentException("initialCash must not be negative, was " + initialCash);
            }
            this.accountId = accountId;
            this.initialCash = initialCash;
        }

        public Builder terms(CfdTerms terms) {
            this.terms = Objects.requireNonNull(terms, "terms");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Checks orders with {@code governor} instead of one built from the terms' {@link CfdTerms#riskRules()}
         * (to share a kill switch, add rules or listen to risk events). The governor must include a
         * {@link CfdMarginRule} (e.g. from {@code terms.riskRules()}): {@link #build} refuses one without it
         * rather than silently drop the account's own margin check. Set once.
         */
        public Builder riskGovernor(RiskGovernor governor) {
            Objects.requireNonNull(governor, "governor");
            if (this.governor != null) {
                throw new IllegalStateException("riskGovernor set twice: " + this.governor + " and " + governor);
            }
            this.governor = governor;
            return this;
        }

        /** Receives every event, starting with {@link CfdEvent.AccountOpened}. */
        public Builder eventListener(Consumer<CfdEvent> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public CfdAccount build() {
            CfdAccount account = new CfdAccount(accountId, initialCash, terms, clock, governor);
            account.eventListeners.addAll(listeners);
            account.record(new CfdEvent.AccountOpened(accountId, clock.now(), initialCash));
            return account;
        }
    }
}
