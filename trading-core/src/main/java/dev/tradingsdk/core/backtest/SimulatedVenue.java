package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.backtest.internal.WorkingOrder;
import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TradeTick;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A venue that fills orders against replayed market data, booking the fills into a {@link Portfolio}. It
 * implements {@link OrderGateway}, so strategies trade it exactly as they would a live venue.
 *
 * <p><b>No look-ahead.</b> An order submitted at time {@code t} arrives at {@code t + latency} and only
 * trades against data that starts at or after its arrival: for a bar, its open if the bar opened at or after
 * the arrival, otherwise (the order arrived while the bar was running) only its close; for a book snapshot,
 * a snapshot taken at or after the arrival. So an order placed on bar {@code t}'s close fills at bar
 * {@code t+1}'s open at the earliest. Orders submitted from inside a fill or order callback wait for the next
 * event.
 *
 * <p><b>Fills against bars</b> (the bar's range spans open, high, low and close, since vendor bars sometimes
 * break high/low): MARKET at the open plus slippage, taker. LIMIT: marketable at the open → the open, taker (a
 * post-only order is canceled instead); otherwise, if the range reaches the limit, the limit price, maker, at
 * the bar's close time. STOP: the open if it is already through the stop, else the stop price when the range
 * reaches it, plus slippage, taker. STOP_LIMIT triggers like a stop, then fills at the trigger price if that
 * is within the limit, else rests as a limit from the next bar. Bars fill the whole size (no volume cap).
 *
 * <p><b>Fills against book snapshots</b> ({@link BookSnapshot}; a {@link Quote} counts as a one-level book):
 * taker orders walk the opposite side level by level, consuming the sizes so two orders do not take the same
 * liquidity; a resting limit that the book later crosses fills at its limit price as maker, up to the crossing
 * size. Unfilled market remainders wait for the next snapshot. No slippage model applies (the depth does).
 * {@link TradeTick}s only move the mark.
 *
 * <p><b>Brackets</b>: the exits are accepted once the entry is completely filled and trade from the next event;
 * when one exit fills the other is canceled. If both could fill in one bar, the stop-loss is taken first (the
 * pessimistic reading of an unknown path). Reduce-only orders are cut to the open position and canceled when
 * there is none. GTD orders expire at their time, DAY orders at the next 00:00 UTC, IOC/FOK remainders after
 * their first eligible event (FOK fills nothing unless the whole size is available).
 *
 * <p>Risk checks are not the venue's: a {@link dev.tradingsdk.core.strategy.TradingEngine} runs its governor
 * before any order reaches the venue, and feeds the venue every market event ({@link #onEvent}) before its
 * strategies see it. Not thread-safe: the engine's loop thread owns it.
 */
public final class SimulatedVenue implements OrderGateway, MarketDataListener {

    private final Portfolio portfolio;
    private final Clock clock;
    private final FeeModel fees;
    private final SlippageModel slippage;
    private final long latencyNanos;
    private final SplittableRandom random;
    private final List<OrderListener> listeners = new ArrayList<>();
    private final Map<ClientOrderId, WorkingOrder> orders = new LinkedHashMap<>();
    /** Ids of bracket exits waiting for their entry to fill: reserved, so no other order can take them. */
    private final Set<ClientOrderId> pendingExitIds = new HashSet<>();
    private final Map<InstrumentId, List<WorkingOrder>> working = new HashMap<>();
    private final List<WorkingOrder> incoming = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private int workingCount;
    private int openPositions;
    private boolean matching;
    private long orderSequence;
    private long fillSequence;
    private long[] levelAvailable = new long[16];
    private Money tradedNotional;

    private SimulatedVenue(Builder b, Portfolio portfolio, Clock clock) {
        this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fees = b.fees == null ? FeeModel.none() : b.fees;
        this.slippage = b.slippage == null ? SlippageModel.none() : b.slippage;
        this.latencyNanos = b.latency == null ? 0 : b.latency.toNanos();
        this.random = new SplittableRandom(b.seed == null ? 0 : b.seed);
        this.tradedNotional = Money.zero(portfolio.currency());
    }

    /**
     * Every order type and time in force, brackets, post-only, reduce-only and short selling: the simulation
     * matches them all.
     */
    @Override
    public GatewayCapabilities capabilities() {
        return GatewayCapabilities.all();
    }

    /** Venue settings; {@link Builder#build(Portfolio, Clock)} makes the venue. */
    public static Builder builder() {
        return new Builder();
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    // ---- OrderGateway ----

    @Override
    public Order submit(OrderRequest request) {
        return accept(request, null).order.readOnlySnapshot();
    }

    @Override
    public List<Order> submit(BracketOrder bracket) {
        // The exits are accepted later, while the entry fills; their ids must not be taken by then.
        checkUnused(bracket.takeProfit().clientOrderId());
        checkUnused(bracket.stopLoss().clientOrderId());
        WorkingOrder entry = accept(bracket.entry(), null);
        Instant now = clock.now();
        Order takeProfit = new Order(bracket.takeProfit(), now);
        Order stopLoss = new Order(bracket.stopLoss(), now);
        if (entry.order.status() == OrderStatus.REJECTED) {
            takeProfit.markRejected("bracket entry rejected: " + entry.order.reason(), now);
            stopLoss.markRejected("bracket entry rejected: " + entry.order.reason(), now);
        } else {
            entry.takeProfit = takeProfit;
            entry.stopLoss = stopLoss;
            pendingExitIds.add(takeProfit.clientOrderId());
            pendingExitIds.add(stopLoss.clientOrderId());
        }
        return List.of(entry.order.readOnlySnapshot(), takeProfit.readOnlySnapshot(), stopLoss.readOnlySnapshot());
    }

    private void checkUnused(ClientOrderId id) {
        if (orders.containsKey(id) || pendingExitIds.contains(id)) {
            throw new IllegalArgumentException("clientOrderId " + id + " was already used");
        }
    }

    /** {@code existing} is a bracket exit, whose id was reserved when its bracket was submitted. */
    private WorkingOrder accept(OrderRequest request, Order existing) {
        Objects.requireNonNull(request, "request");
        if (existing == null) {
            checkUnused(request.clientOrderId());
        } else if (orders.containsKey(request.clientOrderId())) {
            throw new IllegalArgumentException("clientOrderId " + request.clientOrderId() + " was already used");
        }
        Instant now = clock.now();
        long arrivalNanos = Math.addExact(clock.epochNanos(), latencyNanos);
        long expireNanos = expiry(request, now);
        // Everything that can throw runs before the venue records the order.
        String reason = null;
        if (!request.instrument().quoteCurrency().equals(portfolio.currency())) {
            reason = "instrument " + request.instrument() + " is quoted in " + request.instrument().quoteCurrency()
                    + ", the account is in " + portfolio.currency();
        }
        Order order = existing != null ? existing : new Order(request, now);
        WorkingOrder w = new WorkingOrder(order, arrivalNanos, expireNanos);
        orders.put(request.clientOrderId(), w);
        pendingExitIds.remove(request.clientOrderId());
        order.markSubmitted(now);
        if (reason != null) {
            order.markRejected(reason, now);
            publish(order);
            return w;
        }
        order.markAccepted("SIM-" + (++orderSequence), now);
        if (matching) {
            incoming.add(w);
        } else {
            addWorking(w);
        }
        publish(order);
        return w;
    }

    private static long expiry(OrderRequest request, Instant now) {
        if (request.timeInForce() == TimeInForce.GTD) {
            return EpochNanos.of(request.expireAt().orElseThrow());
        }
        if (request.timeInForce() == TimeInForce.DAY) {
            return EpochNanos.of(now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1)
                    .toInstant());
        }
        return Long.MAX_VALUE;
    }

    private void addWorking(WorkingOrder w) {
        working.computeIfAbsent(w.order.instrument().id(), id -> new ArrayList<>()).add(w);
        workingCount++;
    }

    @Override
    public boolean cancel(ClientOrderId id) {
        WorkingOrder w = orders.get(id);
        if (w == null || !w.order.status().isOpen()) {
            return false;
        }
        close(w, "canceled by client");
        return true;
    }

    @Override
    public Optional<Order> order(ClientOrderId id) {
        WorkingOrder w = orders.get(id);
        return w == null ? Optional.empty() : Optional.of(w.order.snapshot());
    }

    @Override
    public List<Order> openOrders() {
        List<Order> open = new ArrayList<>();
        for (WorkingOrder w : orders.values()) {
            if (w.order.status().isOpen()) {
                open.add(w.order.snapshot());
            }
        }
        return List.copyOf(open);
    }

    /** Every order seen, in submission order, as snapshots. */
    public List<Order> allOrders() {
        List<Order> all = new ArrayList<>(orders.size());
        for (WorkingOrder w : orders.values()) {
            all.add(w.order.snapshot());
        }
        return all;
    }

    @Override
    public void addListener(OrderListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    /** Round trips closed so far. */
    public List<ClosedTrade> closedTrades() {
        return portfolio.closedTrades();
    }

    /** True while any position is open; cheaper than asking the portfolio. */
    public boolean hasOpenPositions() {
        return openPositions > 0;
    }

    /** Sum of the notional of all fills. */
    public Money tradedNotional() {
        return tradedNotional;
    }

    // ---- market data ----

    /**
     * Matches working orders of the event's instrument against it, then marks the portfolio to it. Call for
     * every event in time order, before the strategy sees the event.
     */
    @Override
    public void onEvent(MarketEvent event) {
        onMarketEvent(event);
    }

    /** Same as {@link #onEvent}. */
    public void onMarketEvent(MarketEvent event) {
        if (workingCount > 0) {
            List<WorkingOrder> list = working.get(event.instrument().id());
            if (list != null && !list.isEmpty()) {
                match(list, event);
            }
        }
        mark(event);
    }

    private void mark(MarketEvent event) {
        if (event instanceof Bar bar) {
            portfolio.mark(bar.instrument(), bar.close());
        } else if (event instanceof BookSnapshot book) {
            markBook(book.instrument(), book.bestBid().orElse(null), book.bestAsk().orElse(null));
        } else if (event instanceof Quote quote) {
            markBook(quote.instrument(), quote.bid(), quote.ask());
        } else if (event instanceof TradeTick tick) {
            portfolio.mark(tick.instrument(), tick.price());
        }
    }

    private void markBook(Instrument instrument, Price bid, Price ask) {
        if (bid != null && ask != null) {
            int p = instrument.pricePrecision();
            long mid = FixedMath.midRaw(bid.rawAt(p), ask.rawAt(p));
            portfolio.mark(instrument, Price.ofRaw(mid, p));
        } else if (bid != null || ask != null) {
            portfolio.mark(instrument, bid != null ? bid : ask);
        }
    }

    private void match(List<WorkingOrder> list, MarketEvent event) {
        matching = true;
        try {
            long eventNanos = EpochNanos.of(event.timestamp());
            BookView book = bookOf(event);
            if (event instanceof Bar bar) {
                matchBar(list, bar);
            } else if (book != null) {
                matchBook(list, book, event.timestamp(), eventNanos, event.instrument().sizePrecision());
            }
            for (int i = 0; i < list.size(); i++) {
                WorkingOrder w = list.get(i);
                if (w.order.status().isOpen() && w.expireNanos <= eventNanos) {
                    expire(w, event.timestamp());
                }
            }
        } finally {
            matching = false;
        }
        workingCount -= removeEnded(list);
        for (int i = 0; i < incoming.size(); i++) {
            addWorking(incoming.get(i));
        }
        incoming.clear();
    }

    /**
     * Drops the orders that are no longer open, keeping the others in order; the count removed. By hand:
     * {@code ArrayList.removeIf} allocates a bit set whenever it removes something, here on most events.
     */
    private static int removeEnded(List<WorkingOrder> list) {
        int kept = 0;
        int n = list.size();
        for (int i = 0; i < n; i++) {
            WorkingOrder w = list.get(i);
            if (w.order.status().isOpen()) {
                if (kept != i) {
                    list.set(kept, w);
                }
                kept++;
            }
        }
        for (int i = n - 1; i >= kept; i--) {
            list.remove(i);
        }
        return n - kept;
    }

    // ---- bars ----

    private void matchBar(List<WorkingOrder> list, Bar bar) {
        long openNanos = EpochNanos.of(bar.openTime());
        long closeNanos = EpochNanos.of(bar.closeTime());
        // Stops first so that, when a bracket's two exits could both fill in this bar, the stop-loss wins.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < list.size(); i++) {
                WorkingOrder w = list.get(i);
                boolean stopPass = w.order.request().type().hasStopPrice() && !w.triggered;
                if (!w.order.status().isOpen() || w.arrivalNanos > closeNanos || (pass == 0) != stopPass
                        || w.lastBarNanos == closeNanos) {
                    continue;
                }
                w.lastBarNanos = closeNanos;
                boolean fromOpen = openNanos >= w.arrivalNanos;
                long startNanos = fromOpen ? openNanos : closeNanos;
                if (w.expireNanos <= startNanos) {
                    expire(w, bar.closeTime());
                    continue;
                }
                matchBar(w, bar, fromOpen);
                w.firstLook = false;
                if (w.order.status().isOpen() && isImmediate(w)) {
                    expire(w, bar.closeTime());
                }
            }
        }
    }

    private void matchBar(WorkingOrder w, Bar bar, boolean fromOpen) {
        OrderRequest r = w.order.request();
        Side side = r.side();
        Price open = fromOpen ? bar.open() : bar.close();
        Price high = fromOpen ? Price.max(Price.max(bar.high(), bar.open()), bar.close()) : bar.close();
        Price low = fromOpen ? Price.min(Price.min(bar.low(), bar.open()), bar.close()) : bar.close();
        Instant openTime = fromOpen ? bar.openTime() : bar.closeTime();
        Instrument instrument = r.instrument();
        switch (r.type()) {
            case MARKET -> fill(w, slip(instrument, side, open), openTime, Liquidity.TAKER, null);
            case LIMIT -> matchBarLimit(w, r.limitPriceOrNull(), open, high, low, openTime, bar);
            case STOP, STOP_LIMIT -> {
                Price stop = r.stopPrice().orElseThrow();
                if (!w.triggered) {
                    Price trigger;
                    Instant at;
                    if (side == Side.BUY ? open.compareTo(stop) >= 0 : open.compareTo(stop) <= 0) {
                        trigger = open;
                        at = openTime;
                    } else if (side == Side.BUY ? high.compareTo(stop) >= 0 : low.compareTo(stop) <= 0) {
                        trigger = stop;
                        at = bar.closeTime();
                    } else {
                        return;
                    }
                    w.triggered = true;
                    if (r.type() == OrderType.STOP) {
                        fill(w, slip(instrument, side, trigger), at, Liquidity.TAKER, null);
                    } else if (withinLimit(side, trigger, r.limitPriceOrNull())) {
                        fill(w, trigger, at, Liquidity.TAKER, null);
                    }
                } else {
                    matchBarLimit(w, r.limitPriceOrNull(), open, high, low, openTime, bar);
                }
            }
        }
    }

    private void matchBarLimit(WorkingOrder w, Price limit, Price open, Price high, Price low, Instant openTime,
                               Bar bar) {
        Side side = w.order.side();
        if (withinLimit(side, open, limit)) {
            if (w.firstLook && w.order.request().postOnly()) {
                close(w, "post-only limit " + limit + " would take liquidity at " + open);
                return;
            }
            fill(w, open, openTime, w.firstLook ? Liquidity.TAKER : Liquidity.MAKER, null);
        } else if (side == Side.BUY ? low.compareTo(limit) <= 0 : high.compareTo(limit) >= 0) {
            fill(w, limit, bar.closeTime(), Liquidity.MAKER, null);
        }
    }

    private static boolean withinLimit(Side side, Price price, Price limit) {
        return side == Side.BUY ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0;
    }

    private Price slip(Instrument instrument, Side side, Price reference) {
        return slippage.apply(instrument, side, reference, random);
    }

    private static boolean isImmediate(WorkingOrder w) {
        TimeInForce tif = w.order.request().timeInForce();
        return tif == TimeInForce.IOC || tif == TimeInForce.FOK;
    }

    // ---- books ----

    /** The levels of a book event, bids best first and asks best first. */
    private record BookView(List<BookLevel> bids, List<BookLevel> asks) {
    }

    private static BookView bookOf(MarketEvent event) {
        if (event instanceof BookSnapshot book) {
            return new BookView(book.bids(), book.asks());
        }
        if (event instanceof Quote quote) {
            return new BookView(List.of(new BookLevel(quote.bid(), quote.bidSize())),
                    List.of(new BookLevel(quote.ask(), quote.askSize())));
        }
        return null;
    }

    private void matchBook(List<WorkingOrder> list, BookView book, Instant at, long atNanos, int sizePrecision) {
        int depth = Math.max(book.bids().size(), book.asks().size());
        if (levelAvailable.length < 2 * depth) {
            levelAvailable = new long[2 * depth];
        }
        for (int i = 0; i < book.bids().size(); i++) {
            levelAvailable[i] = book.bids().get(i).size().rawAt(sizePrecision);
        }
        for (int i = 0; i < book.asks().size(); i++) {
            levelAvailable[depth + i] = book.asks().get(i).size().rawAt(sizePrecision);
        }
        for (int i = 0; i < list.size(); i++) {
            WorkingOrder w = list.get(i);
            if (!w.order.status().isOpen() || w.arrivalNanos > atNanos) {
                continue;
            }
            matchBook(w, book, depth, at);
            w.firstLook = false;
            if (w.order.status().isOpen() && isImmediate(w)) {
                expire(w, at);
            }
        }
    }

    private void matchBook(WorkingOrder w, BookView book, int depth, Instant at) {
        OrderRequest r = w.order.request();
        Side side = r.side();
        List<BookLevel> levels = side == Side.BUY ? book.asks() : book.bids();
        int offset = side == Side.BUY ? depth : 0;
        if (r.type().hasStopPrice() && !w.triggered) {
            List<BookLevel> touch = side == Side.BUY ? book.asks() : book.bids();
            if (touch.isEmpty() || !withinLimit(side.opposite(), touch.get(0).price(), r.stopPrice().orElseThrow())) {
                return;
            }
            w.triggered = true;
        }
        Price limit = r.limitPriceOrNull();
        if (limit != null && w.firstLook && r.postOnly() && !levels.isEmpty()
                && withinLimit(side, levels.get(0).price(), limit)) {
            close(w, "post-only limit " + limit + " would take liquidity at " + levels.get(0).price());
            return;
        }
        boolean maker = limit != null && !w.firstLook;
        long wanted = reduceOnlyCap(w, w.order.leavesQuantity().rawAt(r.instrument().sizePrecision()));
        if (wanted <= 0) {
            return;
        }
        if (r.timeInForce() == TimeInForce.FOK && available(levels, offset, side, limit) < wanted) {
            return;
        }
        for (int i = 0; i < levels.size() && wanted > 0; i++) {
            BookLevel level = levels.get(i);
            if (limit != null && !withinLimit(side, level.price(), limit)) {
                break;
            }
            long take = Math.min(wanted, levelAvailable[offset + i]);
            if (take <= 0) {
                continue;
            }
            levelAvailable[offset + i] -= take;
            wanted -= take;
            fill(w, maker ? limit : level.price(), at, maker ? Liquidity.MAKER : Liquidity.TAKER,
                    Quantity.ofRaw(take, r.instrument().sizePrecision()));
        }
    }

    private long available(List<BookLevel> levels, int offset, Side side, Price limit) {
        long total = 0;
        for (int i = 0; i < levels.size(); i++) {
            if (limit != null && !withinLimit(side, levels.get(i).price(), limit)) {
                break;
            }
            total = Math.addExact(total, levelAvailable[offset + i]);
        }
        return total;
    }

    // ---- fills and lifecycle ----

    /** Cuts a reduce-only order to the opposite open position; cancels it when there is none. */
    private long reduceOnlyCap(WorkingOrder w, long wantedRaw) {
        OrderRequest r = w.order.request();
        if (!r.reduceOnly()) {
            return wantedRaw;
        }
        long net = portfolio.position(r.instrument().id()).map(Position::netRaw).orElse(0L);
        long reducible = Long.signum(net) == -r.side().sign() ? Math.abs(net) : 0;
        if (reducible == 0) {
            close(w, "reduce-only order has no position to reduce");
            return 0;
        }
        return Math.min(wantedRaw, reducible);
    }

    private void fill(WorkingOrder w, Price price, Instant at, Liquidity liquidity, Quantity size) {
        OrderRequest r = w.order.request();
        Instrument instrument = r.instrument();
        long wanted = size != null ? size.rawAt(instrument.sizePrecision())
                : reduceOnlyCap(w, w.order.leavesQuantity().rawAt(instrument.sizePrecision()));
        if (wanted <= 0) {
            return;
        }
        Quantity quantity = Quantity.ofRaw(wanted, instrument.sizePrecision());
        Money fee = fees.fee(instrument, r.side(), price, quantity, liquidity);
        Fill fill = new Fill(r.clientOrderId(), "SIM-F" + (++fillSequence), instrument, r.side(), price, quantity,
                fee, at);
        if (clock instanceof SimulatedClock simulated && at.isAfter(simulated.now())) {
            simulated.setTime(at);
        }
        long netBefore = portfolio.position(instrument.id()).map(Position::netRaw).orElse(0L);
        Money newTradedNotional = tradedNotional.plus(fill.notional());
        // The portfolio refuses a fill it cannot book (e.g. cash overflow) without changing anything; booking
        // it first keeps the order from showing a fill the account never received.
        portfolio.apply(fill);
        w.order.applyFill(fill);
        Position position = portfolio.position(instrument.id()).orElseThrow();
        openPositions += (position.netRaw() != 0 ? 1 : 0) - (netBefore != 0 ? 1 : 0);
        fills.add(fill);
        tradedNotional = newTradedNotional;
        Order snapshot = w.order.readOnlySnapshot();
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onFill(fill, snapshot);
        }
        publish(w.order);
        if (w.order.status() == OrderStatus.FILLED) {
            onFilled(w);
        }
    }

    private void onFilled(WorkingOrder w) {
        if (w.takeProfit != null) {
            WorkingOrder tp = accept(w.takeProfit.request(), w.takeProfit);
            WorkingOrder sl = accept(w.stopLoss.request(), w.stopLoss);
            tp.ocoSibling = sl.order;
            sl.ocoSibling = tp.order;
        }
        if (w.ocoSibling != null && w.ocoSibling.status().isOpen()) {
            close(orders.get(w.ocoSibling.clientOrderId()), "one-cancels-other: " + w.order.clientOrderId()
                    + " filled");
        }
    }

    private void close(WorkingOrder w, String reason) {
        Instant now = clock.now();
        w.order.markCanceled(reason, now);
        publish(w.order);
        if (hasPendingExits(w)) {
            rejectPendingExits(w, "bracket entry " + w.order.clientOrderId() + " ended: " + reason);
        }
    }

    private void expire(WorkingOrder w, Instant at) {
        w.order.markExpired(at.isAfter(clock.now()) ? at : clock.now());
        publish(w.order);
        if (hasPendingExits(w)) {
            rejectPendingExits(w, "bracket entry " + w.order.clientOrderId() + " expired");
        }
    }

    /** A bracket entry whose exits wait for it; the reason for rejecting them is only built then. */
    private static boolean hasPendingExits(WorkingOrder w) {
        return w.takeProfit != null && w.takeProfit.status() == OrderStatus.NEW;
    }

    /** Exits of an entry that ended without filling completely can never become active. */
    private void rejectPendingExits(WorkingOrder w, String reason) {
        Instant now = clock.now();
        w.takeProfit.markRejected(reason, now);
        w.stopLoss.markRejected(reason, now);
        publish(w.takeProfit);
        publish(w.stopLoss);
    }

    private void publish(Order order) {
        if (listeners.isEmpty()) {
            return;
        }
        // One read-only copy for every listener; the fill just published shares it too.
        Order snapshot = order.readOnlySnapshot();
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onOrderUpdate(snapshot);
        }
    }

    /** Venue settings; all optional. */
    /**
     * Venue settings. Each option takes one value: a second call throws {@link IllegalStateException} naming both
     * values, as Caffeine's builders do, so a setting made in two places never silently loses one of them.
     */
    public static final class Builder {
        private FeeModel fees;
        private SlippageModel slippage;
        private Duration latency;
        private Long seed;

        private Builder() {
        }

        public Builder fees(FeeModel fees) {
            this.fees = once("fees", this.fees, Objects.requireNonNull(fees, "fees"));
            return this;
        }

        public Builder slippage(SlippageModel slippage) {
            this.slippage = once("slippage", this.slippage, Objects.requireNonNull(slippage, "slippage"));
            return this;
        }

        /** Time from submission until the order reaches the venue and may trade; zero by default. */
        public Builder latency(Duration latency) {
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + latency);
            }
            this.latency = once("latency", this.latency, latency);
            return this;
        }

        /** Seed of the generator random slippage draws from; 0 by default. */
        public Builder seed(long seed) {
            this.seed = once("seed", this.seed, seed);
            return this;
        }

        private static <T> T once(String option, T current, T next) {
            if (current != null) {
                throw new IllegalStateException(option + " set twice: " + current + " and " + next);
            }
            return next;
        }

        /**
         * A venue booking into {@code portfolio}, stamping orders and fills with {@code clock}'s time: the
         * replayed time in a backtest, the engine's time in paper trading.
         */
        public SimulatedVenue build(Portfolio portfolio, Clock clock) {
            return new SimulatedVenue(this, portfolio, clock);
        }
    }
}
