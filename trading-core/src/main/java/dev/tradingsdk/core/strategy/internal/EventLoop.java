package dev.tradingsdk.core.strategy.internal;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.codec.FieldReader;
import dev.tradingsdk.core.codec.FieldWriter;
import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.journal.JournalCodec;
import dev.tradingsdk.core.journal.JournalException;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.options.AccountGreeks;
import dev.tradingsdk.core.options.GreeksBook;
import dev.tradingsdk.core.options.GreeksSnapshot;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionLedger;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskEventListener;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.TradingState;
import dev.tradingsdk.core.strategy.AccountStatus;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.EngineState;
import dev.tradingsdk.core.strategy.EngineStatus;
import dev.tradingsdk.core.strategy.FeedStatus;
import dev.tradingsdk.core.strategy.MarketData;
import dev.tradingsdk.core.strategy.OrderEntry;
import dev.tradingsdk.core.strategy.PositionStatus;
import dev.tradingsdk.core.strategy.ReadOnlyAccount;
import dev.tradingsdk.core.strategy.StatusDetailSource;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.StrategyDetail;
import dev.tradingsdk.core.strategy.StrategyState;
import dev.tradingsdk.core.strategy.StrategyStatus;
import dev.tradingsdk.core.strategy.TimerEvent;
import dev.tradingsdk.core.strategy.TimerId;
import dev.tradingsdk.core.strategy.Timers;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.strategy.UnreconciledOrder;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TradingEngine}: one loop thread handles every input in time order (see the interface). Inputs from
 * other threads (live feed events, asynchronous gateway events, operator tasks) arrive through an {@link Inbox}
 * stamped with the base clock; callbacks a gateway makes on the loop thread (a simulated venue filling inside
 * {@code submit}) wait in a local queue until the current handler returns, so no strategy is re-entered.
 *
 * <p>Restart: with a journal, every input is journaled before it is handled and every output (submission,
 * acknowledgement, denial, order update, fill, cancel, failure) when it happens; the engine's time while handling
 * an input is the input's time. A PAPER or LIVE engine built on an existing journal re-runs the journaled inputs
 * through the same strategies, governor and (PAPER) simulated venue, checking that every output is reproduced
 * byte for byte, so orders, positions, governor counters and the strategies' own state come back exactly; in LIVE
 * the gateway is not called again during the re-run: its acknowledgements and events come from the journal. The
 * re-run starts at the journal's start time, whatever the clock says now, and the engine moves on to its clock
 * once the journal is exhausted; a LIVE engine then {@linkplain #reconcile reconciles} the orders the journal
 * leaves open with the venue.
 */
public final class EventLoop implements TradingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final String OPERATOR = "operator";
    /** Ends a GATEWAY_ERROR reason when the venue, asked after the failure, did not know the order. */
    private static final String UNSENT = "; the venue does not know the order";
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * Ended orders (filled, canceled, rejected, expired) the engine keeps: {@code order(id)}, {@code violations(id)}
     * and the duplicate-id check know them; older ones are forgotten, so a long run holds the open orders plus
     * this many, not every order it ever sent.
     */
    static final int RETAINED_ENDED_ORDERS = 1024;
    /** How often an unsettled order is looked up again at the venue, on the engine's clock. */
    private static final long RECONCILE_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String UNRESOLVED = "unresolved";
    private static final String RESOLVED = "resolved";

    private final EngineMode mode;
    private final Clock baseClock;
    private final SimulatedClock time;
    private final Clock strategyClock;
    private final RiskGovernor governor;
    private final MarketState marketState;
    private final Map<String, AccountSlot> accounts = new LinkedHashMap<>();
    /** The simulated venues among the accounts, an array so a market event reaches them without an iterator. */
    private final MarketDataListener[] simulatedVenues;
    private final List<StrategySlot> strategies = new ArrayList<>();
    private final List<FeedSlot> feeds = new ArrayList<>();
    private final OrderTable<OrderSlot> orders = new OrderTable<>();
    /** The last {@link #RETAINED_ENDED_ORDERS} ended orders, a ring; {@code endedNext} is the oldest once full. */
    private final OrderSlot[] ended = new OrderSlot[RETAINED_ENDED_ORDERS];
    private int endedNext;
    /** Slots of forgotten orders, reused for new ones. */
    private final ArrayDeque<OrderSlot> spareSlots = new ArrayDeque<>();
    private final PriorityQueue<TimerSlot> timers = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.id.sequence(), b.id.sequence()));
    private final Map<InstrumentId, TopOfBook> books = new HashMap<>();
    private final Map<InstrumentId, Quote> quotes = new HashMap<>();
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Set<InstrumentId> stale = new LinkedHashSet<>();
    /** The book of the last market event's instrument (by identity): replays are long runs of one instrument. */
    private Instrument lastBookInstrument;
    private TopOfBook lastBook;
    private final Map<Instrument, Integer> feedSubscriptions = new HashMap<>();
    /** The one holder a polled market event is handed over in: the loop handles it before it polls again. */
    private final FeedInput polledEvent = new FeedInput(null, null, null, null, 0);
    /** Small at first: a REPLAY engine only sees operator requests here, a live one grows it to its busiest moment. */
    private final Inbox<Input> inbox = new Inbox<>(16,
            (source, event, stamp) -> polledEvent.hold((FeedSlot) source, event, stamp));
    private final ArrayDeque<PendingEvent> pending = new ArrayDeque<>();
    private final ArrayDeque<PendingEvent> spareEvents = new ArrayDeque<>();
    private final Object operatorLock = new Object();
    private final ArrayDeque<OperatorRequest> operatorRequests = new ArrayDeque<>();
    private final Journal<byte[]> journal;
    private final List<byte[]> recovery = new ArrayList<>();
    /**
     * Orders a LIVE restart could not settle with the venue, by id, with why: new orders on their instrument in
     * their account are denied until a later lookup settles them.
     */
    private final Map<ClientOrderId, String> unreconciled = new LinkedHashMap<>();
    private long nextReconcileNanos;
    /** Values accounts' options for the status, when configured; priced from the engine's market data. */
    private final GreeksBook greeksBook;
    private final CountDownLatch startedLatch = new CountDownLatch(1);
    private final CountDownLatch finishedLatch = new CountDownLatch(1);
    private int cursor;
    private volatile boolean recovering;
    private boolean strategiesStarted;
    private volatile Thread loopThread;
    private volatile EngineState state = EngineState.CREATED;
    private volatile boolean stopRequested;
    private volatile String failure;
    private long eventsHandled;
    private long timerSequence;
    private long flattenSequence;

    public EventLoop(EngineConfig config) {
        this.mode = config.mode();
        this.journal = config.journalDirectory() == null ? null
                : Journal.builder(config.journalDirectory(), BYTES).fsync(config.fsync()).open();
        if (journal != null && journal.lastSequence() > 0) {
            if (mode == EngineMode.REPLAY) {
                journal.close();
                throw new IllegalStateException("a REPLAY engine records into an empty journal; "
                        + config.journalDirectory() + " holds " + journal.lastSequence() + " records");
            }
            journal.replay(journal.firstSequence(), (sequence, bytes) -> recovery.add(bytes));
        }
        // The journal is open and locked from here: a configuration error below must release it.
        try {
            if (mode == EngineMode.REPLAY) {
                this.time = (SimulatedClock) config.clock();
                this.baseClock = time;
            } else {
                this.baseClock = config.clock() != null ? config.clock() : Clock.system();
                // A re-run takes every input's time from the journal, so it starts at the journaled start, not now.
                this.time = new SimulatedClock(recovery.isEmpty() ? baseClock.now() : journaledStart());
            }
            this.strategyClock = new EngineClock(time);
            RiskGovernor.Builder risk = RiskGovernor.builder().clock(time);
            for (RiskRule rule : config.rules()) {
                risk.rule(rule);
            }
            for (RiskEventListener listener : config.riskListeners()) {
                risk.listener(listener);
            }
            this.governor = risk.build();
            this.marketState = books::get;
            this.greeksBook = config.greeks();
            for (EngineConfig.AccountConfig a : config.accounts()) {
                OrderGateway gateway = a.gateway() != null ? a.gateway() : a.gatewayFactory().apply(time);
                checkGatewayForMode(a.accountId(), gateway);
                AccountSlot slot = new AccountSlot(a.accountId(), gateway, a.account(),
                        greeksBook == null ? null : new AccountGreeks(greeksBook));
                accounts.put(a.accountId(), slot);
                gateway.addListener(slot);
            }
            this.simulatedVenues = accounts.values().stream().map(a -> a.marketListener).filter(l -> l != null)
                    .toArray(MarketDataListener[]::new);
            for (EngineConfig.StrategyConfig s : config.strategies()) {
                String accountId = s.accountId() != null ? s.accountId() : accounts.keySet().iterator().next();
                strategies.add(new StrategySlot(s.strategyId(), s.strategy(), accounts.get(accountId)));
            }
            for (Map.Entry<String, MarketDataFeed> f : config.feeds().entrySet()) {
                if (mode == EngineMode.REPLAY && !(f.getValue() instanceof MarketReplay)) {
                    throw new IllegalStateException("REPLAY feeds must be MarketReplay; feed " + f.getKey() + " is a "
                            + f.getValue().getClass().getName());
                }
                if (mode != EngineMode.REPLAY && f.getValue() instanceof MarketReplay) {
                    throw new IllegalStateException(mode + " needs live feeds; feed " + f.getKey()
                            + " is a MarketReplay (use REPLAY)");
                }
                feeds.add(new FeedSlot(f.getKey(), f.getValue()));
            }
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            throw e;
        }
    }

    /** The time of the journal's first record, which a journal the engine wrote always has: its start. */
    private Instant journaledStart() {
        byte[] first = recovery.get(0);
        if (!EngineRecords.kind(first).equals(EngineRecords.STARTED)) {
            throw new RecoveryFailure("the engine journal does not begin with a start record: \""
                    + new String(first, StandardCharsets.UTF_8) + "\"");
        }
        FieldReader r = new FieldReader("engine journal record 1", first, id -> null);
        r.text();
        return r.decode(r::instant);
    }

    private static final JournalCodec<byte[]> BYTES = new JournalCodec<>() {
        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    };

    private void checkGatewayForMode(String accountId, OrderGateway gateway) {
        if (mode == EngineMode.PAPER && !(gateway instanceof MarketDataListener)) {
            throw new IllegalStateException("PAPER fills against live prices: account " + accountId
                    + "'s gateway " + gateway.getClass().getSimpleName() + " is not a simulated venue"
                    + " (a MarketDataListener)");
        }
        if (mode == EngineMode.LIVE && gateway instanceof dev.tradingsdk.core.backtest.SimulatedVenue) {
            throw new IllegalStateException("LIVE sends real orders: account " + accountId
                    + " has a SimulatedVenue (use PAPER)");
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public EngineMode mode() {
        return mode;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (state != EngineState.CREATED || loopThread != null) {
                throw new IllegalStateException("the engine runs once; it is " + state);
            }
            loopThread = Thread.currentThread();
        }
        state = EngineState.RUNNING;
        try {
            if (!recovery.isEmpty()) {
                recover();
                // The journal's times are behind: from here on the engine runs on its clock again.
                setTime(baseClock.epochNanos());
            }
            if (!strategiesStarted) {
                startStrategies(time.epochNanos());
            }
            if (!recovery.isEmpty() && mode == EngineMode.LIVE) {
                reconcile();
            }
            startedLatch.countDown();
            if (mode == EngineMode.REPLAY) {
                replayLoop();
            } else {
                liveLoop();
            }
            stopStrategies();
            state = EngineState.STOPPED;
        } catch (RuntimeException | Error e) {
            // The journal's own failures say what failed; anything else came from outside any strategy (a feed, a
            // gateway, the engine itself). Either way the loop cannot go on, and status says why.
            boolean journal = e instanceof JournalFailure || e instanceof RecoveryFailure;
            failure = journal ? e.getMessage() : e.toString();
            state = EngineState.FAILED;
            LOG.error("trading engine failed: {}", failure, e);
            throw e;
        } finally {
            unsubscribeFeeds();
            closeJournal();
            startedLatch.countDown();
            finishedLatch.countDown();
            failPendingTasks();
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.debug("trading engine loop thread ends after the failure run() logged", e);
            }
        }, "trading-engine");
        synchronized (this) {
            if (state != EngineState.CREATED || loopThread != null) {
                throw new IllegalStateException("the engine runs once; it is " + state);
            }
        }
        thread.start();
        try {
            startedLatch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (state == EngineState.FAILED) {
            throw new IllegalStateException("trading engine failed to start: " + failure);
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        inbox.add(Wake.INSTANCE);
        Thread loop = loopThread;
        if (loop != null && loop != Thread.currentThread()) {
            try {
                finishedLatch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finishedLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        stop();
        if (loopThread == null) {
            closeJournal();
        }
    }

    private void closeJournal() {
        if (journal != null) {
            try {
                journal.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the engine journal failed", e);
            }
        }
    }

    private void unsubscribeFeeds() {
        if (mode == EngineMode.REPLAY) {
            return;
        }
        for (Instrument instrument : feedSubscriptions.keySet()) {
            for (FeedSlot feed : feeds) {
                try {
                    feed.feed.unsubscribe(instrument, feed);
                } catch (RuntimeException e) {
                    LOG.warn("unsubscribing {} from feed {} failed", instrument, feed.name, e);
                }
            }
        }
        feedSubscriptions.clear();
    }

    private void startStrategies(long atNanos) {
        setTime(atNanos);
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.STARTED).instant(time.now()));
        }
        strategiesStarted = true;
        for (StrategySlot s : strategies) {
            if (s.state == StrategyState.CREATED || s.state == StrategyState.STOPPED) {
                s.state = StrategyState.RUNNING;
                try {
                    s.strategy.onStart(s);
                } catch (Throwable t) {
                    contain(s, t);
                }
                drainPending();
            }
        }
    }

    private void stopStrategies() {
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.STOPPED).instant(time.now()));
        }
        for (StrategySlot s : strategies) {
            if (s.state == StrategyState.RUNNING) {
                try {
                    s.strategy.onStop(s);
                } catch (Throwable t) {
                    contain(s, t);
                }
                if (s.state == StrategyState.RUNNING) {
                    s.state = StrategyState.STOPPED;
                }
                drainPending();
            }
        }
        strategiesStarted = false;
        if (journal != null) {
            journal.sync();
        }
    }

    // ---------------------------------------------------------------- loops

    private void replayLoop() {
        MarketReplay[] replays = new MarketReplay[feeds.size()];
        for (int i = 0; i < replays.length; i++) {
            replays[i] = (MarketReplay) feeds.get(i).feed;
        }
        while (!stopRequested) {
            if (!inbox.isEmpty()) {
                drainInbox();
            }
            int best = -1;
            long bestNanos = Long.MAX_VALUE;
            for (int i = 0; i < replays.length; i++) {
                MarketEvent head = replays[i].peek();
                if (head != null) {
                    long nanos = EpochNanos.of(head.timestamp());
                    if (nanos < bestNanos) {
                        best = i;
                        bestNanos = nanos;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            fireTimersDue(bestNanos);
            MarketEvent event = replays[best].next();
            setTime(bestNanos);
            handleMarket(feeds.get(best), event);
        }
        drainInbox();
    }

    private void liveLoop() {
        while (!stopRequested) {
            applyOperatorRequests();
            if (!unreconciled.isEmpty() && baseClock.epochNanos() >= nextReconcileNanos) {
                retryReconciliation();
            }
            TimerSlot timer = timers.peek();
            long wait = timer == null ? MAX_WAIT_NANOS
                    : Math.min(MAX_WAIT_NANOS, Math.max(timer.dueNanos - baseClock.epochNanos(), 0));
            Input input;
            try {
                input = wait == 0 ? inbox.poll() : inbox.poll(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested = true;
                break;
            }
            // Timers due before the input arrived come first, as in a replay.
            long upto = input != null && input.stampNanos() != Long.MIN_VALUE ? input.stampNanos()
                    : baseClock.epochNanos();
            fireTimersDue(upto);
            if (input != null) {
                handleInput(input);
            }
        }
        drainInbox();
    }

    private void drainInbox() {
        Input input;
        while ((input = inbox.poll()) != null) {
            handleInput(input);
        }
    }

    private void handleInput(Input input) {
        applyOperatorRequests();
        if (input.stampNanos() != Long.MIN_VALUE) {
            setTime(input.stampNanos());
        }
        input.handle();
        drainPending();
    }

    private void setTime(long nanos) {
        if (nanos > time.epochNanos()) {
            time.setEpochNanos(nanos);
        }
    }

    /** Queues a gateway callback made on the loop thread (or a denial's update) until the handler returns. */
    private void defer(AccountSlot account, Order order, Fill fill, OrderSlot denied) {
        PendingEvent e = spareEvents.poll();
        if (e == null) {
            e = new PendingEvent();
        }
        e.account = account;
        e.order = order;
        e.fill = fill;
        e.denied = denied;
        pending.add(e);
    }

    private void drainPending() {
        PendingEvent e;
        while ((e = pending.poll()) != null) {
            AccountSlot account = e.account;
            Order order = e.order;
            Fill fill = e.fill;
            OrderSlot denied = e.denied;
            e.account = null;
            e.order = null;
            e.fill = null;
            e.denied = null;
            spareEvents.push(e);
            if (denied != null) {
                deliverUpdate(denied, order);
                retire(denied);
            } else if (fill != null) {
                handleFill(account, fill, order);
            } else {
                handleOrderUpdate(account, order);
            }
        }
    }

    private void failPendingTasks() {
        Input input;
        while ((input = inbox.poll()) != null) {
            if (input instanceof Task task) {
                task.future.completeExceptionally(new IllegalStateException("the engine is " + state));
            }
        }
    }

    // ---------------------------------------------------------------- market data

    private void handleMarket(FeedSlot feed, MarketEvent event) {
        if (journal != null) {
            record(EngineRecords.event(new FieldWriter().text(EngineRecords.MARKET).text(feed.name)
                    .instant(time.now()), event));
        }
        feed.events++;
        feed.lastEventTime = event.timestamp();
        eventsHandled++;
        Instrument instrument = event.instrument();
        for (MarketDataListener venue : simulatedVenues) {
            venue.onEvent(event);
        }
        updateBook(instrument, event);
        drainPending();
        for (int i = 0; i < strategies.size(); i++) {
            StrategySlot s = strategies.get(i);
            if (s.state == StrategyState.RUNNING && s.wants(instrument)) {
                try {
                    s.strategy.onEvent(event, s);
                } catch (Throwable t) {
                    contain(s, t);
                }
                drainPending();
            }
        }
    }

    private void updateBook(Instrument instrument, MarketEvent event) {
        InstrumentId id = instrument.id();
        TopOfBook book = instrument == lastBookInstrument ? lastBook : books.get(id);
        if (book == null) {
            book = new TopOfBook(instrument);
            books.put(id, book);
            instruments.putIfAbsent(id, instrument);
        }
        lastBookInstrument = instrument;
        lastBook = book;
        long nanos = time.epochNanos();
        boolean snapshot = true;
        if (event instanceof Quote q) {
            book.update(q);
            quotes.put(id, q);
        } else if (event instanceof Bar b) {
            long close = b.close().rawAt(instrument.pricePrecision());
            long volume = b.volume().rawAt(instrument.sizePrecision());
            book.update(close, volume, close, volume, nanos);
        } else if (event instanceof BookSnapshot s) {
            updateBook(book, s, nanos);
        } else {
            book.touch(nanos);
            snapshot = false;
        }
        if (snapshot && !stale.isEmpty()) {
            stale.remove(id);
        }
    }

    private static void updateBook(TopOfBook book, BookSnapshot s, long nanos) {
        Instrument instrument = book.instrument();
        if (s.bids().isEmpty() || s.asks().isEmpty()) {
            book.update(0, 0, 0, 0, nanos);
            if (s.bids().isEmpty()) {
                book.clear(Side.BUY, nanos);
            }
            if (s.asks().isEmpty()) {
                book.clear(Side.SELL, nanos);
            }
            if (!s.bids().isEmpty()) {
                book.update(s.bids().get(0).price().rawAt(instrument.pricePrecision()),
                        s.bids().get(0).size().rawAt(instrument.sizePrecision()), 0, 0, nanos).clear(Side.SELL, nanos);
            } else if (!s.asks().isEmpty()) {
                book.update(0, 0, s.asks().get(0).price().rawAt(instrument.pricePrecision()),
                        s.asks().get(0).size().rawAt(instrument.sizePrecision()), nanos).clear(Side.BUY, nanos);
            }
            return;
        }
        book.update(s.bids().get(0).price().rawAt(instrument.pricePrecision()),
                s.bids().get(0).size().rawAt(instrument.sizePrecision()),
                s.asks().get(0).price().rawAt(instrument.pricePrecision()),
                s.asks().get(0).size().rawAt(instrument.sizePrecision()), nanos);
    }

    private void handleOutOfSync(FeedSlot feed, Instrument instrument, String reason) {
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.OUT_OF_SYNC).text(feed.name).instant(time.now())
                    .instrument(instrument).text(reason));
        }
        eventsHandled++;
        instruments.putIfAbsent(instrument.id(), instrument);
        stale.add(instrument.id());
        for (StrategySlot s : strategies) {
            if (s.state == StrategyState.RUNNING && s.wants(instrument)) {
                try {
                    s.strategy.onOutOfSync(instrument, reason, s);
                } catch (Throwable t) {
                    contain(s, t);
                }
                drainPending();
            }
        }
    }

    // ---------------------------------------------------------------- timers

    /**
     * Fires the timers due by {@code uptoNanos}, each at its due time (or the engine's time, if that is later): a
     * timer firing is an input whose time is its deadline, so replay and live agree.
     */
    private void fireTimersDue(long uptoNanos) {
        TimerSlot t;
        while ((t = timers.peek()) != null && t.dueNanos <= uptoNanos && !stopRequested) {
            timers.poll();
            applyOperatorRequests();
            fireTimer(t, t.dueNanos);
        }
    }

    private void fireTimer(TimerSlot t, long atNanos) {
        setTime(atNanos);
        StrategySlot s = t.owner;
        Instant due = instant(t.dueNanos);
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.TIMER).text(s.id).number(t.id.sequence()).instant(due)
                    .instant(time.now()));
        }
        eventsHandled++;
        if (t.periodNanos > 0) {
            long now = time.epochNanos();
            long next = Math.addExact(t.dueNanos, t.periodNanos);
            if (next <= now) {
                next = Math.addExact(t.dueNanos, Math.multiplyExact((now - t.dueNanos) / t.periodNanos + 1,
                        t.periodNanos));
            }
            t.dueNanos = next;
            timers.add(t);
        } else {
            t.done = true;
        }
        if (s.state == StrategyState.RUNNING) {
            try {
                s.strategy.onTimer(new TimerEvent(t.id, due, time.now()), s);
            } catch (Throwable e) {
                contain(s, e);
            }
        }
        drainPending();
    }

    private static Instant instant(long nanos) {
        return EpochNanos.toInstant(nanos);
    }

    // ---------------------------------------------------------------- orders

    private void requireLoopThread(StrategySlot s) {
        if (Thread.currentThread() != loopThread) {
            throw new IllegalStateException("strategy " + s.id + " used its context outside the engine's loop thread ("
                    + Thread.currentThread().getName() + ")");
        }
    }

    private void checkUnused(ClientOrderId id) {
        if (orders.containsKey(id)) {
            throw new IllegalArgumentException("clientOrderId " + id + " was already used");
        }
    }

    private Order submit(StrategySlot s, OrderRequest request) {
        requireLoopThread(s);
        checkUnused(request.clientOrderId());
        AccountSlot a = s.account;
        List<RiskViolation> violations = engineChecks(s, a, request, false);
        violations = check(a, request, violations);
        if (!violations.isEmpty()) {
            return deny(s, request, violations);
        }
        return send(s, a, request, true);
    }

    private List<Order> submit(StrategySlot s, BracketOrder bracket) {
        requireLoopThread(s);
        checkUnused(bracket.entry().clientOrderId());
        checkUnused(bracket.takeProfit().clientOrderId());
        checkUnused(bracket.stopLoss().clientOrderId());
        AccountSlot a = s.account;
        List<RiskViolation> violations = engineChecks(s, a, bracket.entry(), true);
        violations = check(a, bracket.entry(), violations);
        if (!violations.isEmpty()) {
            return List.of(deny(s, bracket.entry(), violations), deny(s, bracket.takeProfit(), violations),
                    deny(s, bracket.stopLoss(), violations));
        }
        boolean replay = recovering && mode == EngineMode.LIVE;
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.SUBMITTED).text(s.id).text(a.id).instant(time.now())
                    .request(bracket.entry()).request(bracket.takeProfit()).request(bracket.stopLoss()));
        }
        List<Order> acks;
        Instant now = time.now();
        if (replay) {
            acks = List.of(recordedAck(0, bracket.entry(), now), recordedAck(1, bracket.takeProfit(), now),
                    recordedAck(2, bracket.stopLoss(), now));
        } else {
            try {
                acks = a.gateway.submit(bracket);
            } catch (RuntimeException e) {
                LOG.warn("gateway of account {} threw on bracket {}", a.id, bracket.entry().clientOrderId(), e);
                acks = List.of(lookupAfterFailure(a, bracket.entry(), e, now),
                        lookupAfterFailure(a, bracket.takeProfit(), e, now),
                        lookupAfterFailure(a, bracket.stopLoss(), e, now));
            }
        }
        if (isUnsent(acks.get(0))) {
            governor.revokeAcceptance(bracket.entry(), a.view, marketState);
        }
        List<Order> readOnly = new ArrayList<>(3);
        for (Order ack : acks) {
            Order value = ack.readOnlySnapshot();
            readOnly.add(value);
            track(s, a, value);
            if (journal != null) {
                record(new FieldWriter().text(EngineRecords.ACK).text(s.id).order(value));
            }
        }
        return List.copyOf(readOnly);
    }

    private List<RiskViolation> check(AccountSlot a, OrderRequest request, List<RiskViolation> engineViolations) {
        synchronized (operatorLock) {
            applyOperatorRequests();
            if (!engineViolations.isEmpty()) {
                return engineViolations;
            }
            RiskDecision decision = governor.check(request, a.view, marketState);
            return decision.accepted() ? List.of() : decision.violations();
        }
    }

    /** {@code governed}: the governor accepted {@code request}, so an unsent one must be taken back from it. */
    private Order send(StrategySlot s, AccountSlot a, OrderRequest request, boolean governed) {
        instruments.putIfAbsent(request.instrument().id(), request.instrument());
        boolean replay = recovering && mode == EngineMode.LIVE;
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.SUBMITTED).text(s.id).text(a.id).instant(time.now())
                    .request(request));
        }
        Order ack;
        if (replay) {
            ack = recordedAck(0, request, time.now());
        } else {
            try {
                ack = a.gateway.submit(request);
            } catch (RuntimeException e) {
                LOG.warn("gateway of account {} threw on order {}", a.id, request.clientOrderId(), e);
                ack = lookupAfterFailure(a, request, e, time.now());
            }
        }
        // A gateway may go on changing the order it returned; the engine keeps, and hands out, a read-only copy.
        ack = ack.readOnlySnapshot();
        if (governed && isUnsent(ack)) {
            governor.revokeAcceptance(request, a.view, marketState);
        }
        track(s, a, ack);
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.ACK).text(s.id).order(ack));
        }
        return ack;
    }

    /** Records the acknowledged order; one that has already ended counts toward the ended orders kept. */
    private void track(StrategySlot s, AccountSlot a, Order ack) {
        OrderSlot slot = slot(s, a, ack);
        if (ack.status().isTerminal()) {
            retire(slot);
        }
    }

    /** A (reused) slot for {@code order}, entered in the table. */
    private OrderSlot slot(StrategySlot s, AccountSlot a, Order order) {
        OrderSlot slot = spareSlots.poll();
        if (slot == null) {
            slot = new OrderSlot();
        }
        slot.owner = s;
        slot.account = a;
        slot.order = order;
        orders.put(order.clientOrderId(), slot);
        return slot;
    }

    /**
     * Counts {@code slot}'s order as ended: it stays known until {@link #RETAINED_ENDED_ORDERS} more orders have
     * ended, then is forgotten and its slot reused. Nothing else holds a slot by then: pending deliveries name
     * orders by id, and a denial's own delivery retires its slot only once it has run.
     */
    private void retire(OrderSlot slot) {
        if (slot.retired) {
            return;
        }
        slot.retired = true;
        OrderSlot oldest = ended[endedNext];
        if (oldest != null) {
            orders.remove(oldest);
            oldest.clear();
            spareSlots.push(oldest);
        }
        ended[endedNext] = slot;
        endedNext = endedNext + 1 == ended.length ? 0 : endedNext + 1;
    }

    /** After a failed submission the order may still have reached the venue: ask before calling it rejected. */
    private Order lookupAfterFailure(AccountSlot a, OrderRequest request, RuntimeException e, Instant now) {
        try {
            Optional<Order> known = a.gateway.order(request.clientOrderId());
            if (known.isPresent()) {
                return known.get();
            }
        } catch (RuntimeException lookup) {
            e.addSuppressed(lookup);
        }
        Order rejected = new Order(request, now);
        rejected.markRejected(TradingEngine.GATEWAY_ERROR + ": " + e + (e.getSuppressed().length == 0 ? UNSENT : ""),
                now);
        return rejected;
    }

    /**
     * The acknowledgement of an order the gateway failed to send and the venue confirmed it does not know; read
     * from the acknowledgement itself so a LIVE re-run, whose acknowledgements come from the journal, agrees.
     */
    private static boolean isUnsent(Order ack) {
        return ack.status() == OrderStatus.REJECTED && ack.reason() != null
                && ack.reason().startsWith(TradingEngine.GATEWAY_ERROR) && ack.reason().endsWith(UNSENT);
    }

    /**
     * The journaled acknowledgement of the {@code index}th order of the submission being re-run (a LIVE re-run
     * does not call the gateway). When the journal ends before it, the engine stopped between sending the order
     * and the venue's answer: the order is acknowledged SUBMITTED, never sent again, and {@link #reconcile} asks
     * the venue what became of it.
     */
    private Order recordedAck(int index, OrderRequest request, Instant now) {
        int at = cursor + index;
        if (at >= recovery.size()) {
            Order unknown = new Order(request, now);
            unknown.markSubmitted(now);
            return unknown;
        }
        if (!EngineRecords.kind(recovery.get(at)).equals(EngineRecords.ACK)) {
            throw new RecoveryFailure("journal record " + (at + 1) + " should be a gateway acknowledgement");
        }
        byte[] bytes = recovery.get(at);
        FieldReader r = new FieldReader("engine journal record " + (at + 1), bytes, instruments::get);
        return r.decode(() -> {
            r.text();
            r.text();
            return r.order();
        });
    }

    private List<RiskViolation> engineChecks(StrategySlot s, AccountSlot a, OrderRequest r, boolean bracket) {
        List<RiskViolation> v = null;
        if (s.state != StrategyState.RUNNING) {
            v = with(v, RiskViolation.of(TradingEngine.STRATEGY_STOPPED, "strategy " + s.id + " is " + s.state));
        }
        if (!stale.isEmpty() && stale.contains(r.instrument().id())) {
            v = with(v, RiskViolation.of(TradingEngine.STALE_MARKET_DATA, "market data of " + r.instrument()
                    + " is out of sync; no fresh snapshot yet"));
        }
        if (!unreconciled.isEmpty()) {
            ClientOrderId unsettled = unreconciledOn(a, r.instrument());
            if (unsettled != null) {
                v = with(v, RiskViolation.of(TradingEngine.UNRECONCILED_ORDER, "order " + unsettled + " on "
                        + r.instrument() + " in account " + a.id + " is not reconciled with the venue: "
                        + unreconciled.get(unsettled)));
            }
        }
        GatewayCapabilities caps = a.capabilities;
        if (!caps.orderTypes().contains(r.type())) {
            v = with(v, RiskViolation.of(TradingEngine.UNSUPPORTED_ORDER_TYPE, "account " + a.id
                    + "'s gateway does not support " + r.type() + " orders (it supports " + caps.orderTypes() + ")"));
        }
        if (!caps.timesInForce().contains(r.timeInForce())) {
            v = with(v, RiskViolation.of(TradingEngine.UNSUPPORTED_TIME_IN_FORCE, "account " + a.id
                    + "'s gateway does not support time in force " + r.timeInForce() + " (it supports "
                    + caps.timesInForce() + ")"));
        }
        if (bracket && !caps.brackets()) {
            v = with(v, RiskViolation.of(TradingEngine.UNSUPPORTED_BRACKET, "account " + a.id
                    + "'s gateway does not support bracket orders"));
        }
        if (r.postOnly() && !caps.postOnly()) {
            v = with(v, RiskViolation.of(TradingEngine.UNSUPPORTED_POST_ONLY, "account " + a.id
                    + "'s gateway does not support post-only orders"));
        }
        if (r.reduceOnly() && !caps.reduceOnly()) {
            v = with(v, RiskViolation.of(TradingEngine.UNSUPPORTED_REDUCE_ONLY, "account " + a.id
                    + "'s gateway does not support reduce-only orders"));
        }
        if (!caps.shortSelling() && r.side() == Side.SELL) {
            long net = a.view.position(r.instrument().id()).map(Position::netRaw).orElse(0L);
            long after = Math.subtractExact(net, r.quantity().rawAt(r.instrument().sizePrecision()));
            if (after < 0) {
                v = with(v, RiskViolation.of(TradingEngine.UNSUPPORTED_SHORT_SELLING, "account " + a.id
                        + "'s gateway cannot sell short; selling " + r.quantity() + " " + r.instrument()
                        + " would leave the position short"));
            }
        }
        return v == null ? List.of() : v;
    }

    /** {@code v} plus {@code violation}: the list is made on the first violation, so a clean order makes none. */
    private static List<RiskViolation> with(List<RiskViolation> v, RiskViolation violation) {
        List<RiskViolation> list = v == null ? new ArrayList<>(2) : v;
        list.add(violation);
        return list;
    }

    private Order deny(StrategySlot s, OrderRequest request, List<RiskViolation> violations) {
        Instant now = time.now();
        StringBuilder reason = new StringBuilder("denied:");
        for (RiskViolation v : violations) {
            reason.append(' ').append(v.code()).append(" (").append(v.message()).append(");");
        }
        reason.setLength(reason.length() - 1);
        Order rejected = new Order(request, now);
        rejected.markRejected(reason.toString(), now);
        Order order = rejected.readOnlySnapshot();
        if (journal != null) {
            FieldWriter w = new FieldWriter().text(EngineRecords.DENIED).text(s.id).instant(now).request(request)
                    .number(violations.size());
            for (RiskViolation v : violations) {
                w.text(v.code()).text(v.message());
            }
            record(w);
        }
        OrderSlot slot = slot(s, s.account, order);
        slot.violations = List.copyOf(violations);
        defer(null, order, null, slot);
        return order;
    }

    private boolean cancel(StrategySlot s, ClientOrderId id) {
        OrderSlot slot = orders.get(id);
        if (slot == null || slot.owner != s || !slot.order.status().isOpen()) {
            return false;
        }
        boolean result;
        if (recovering && mode == EngineMode.LIVE) {
            result = recordedCancel();
        } else {
            try {
                result = slot.account.gateway.cancel(id);
            } catch (RuntimeException e) {
                LOG.warn("gateway of account {} threw canceling {}", slot.account.id, id, e);
                result = false;
            }
        }
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.CANCEL).text(s.id).text(id.value()).instant(time.now())
                    .bool(result));
        }
        return result;
    }

    private boolean recordedCancel() {
        if (cursor >= recovery.size() || !EngineRecords.kind(recovery.get(cursor)).equals(EngineRecords.CANCEL)) {
            throw new RecoveryFailure("journal record " + (cursor + 1) + " should be a cancel");
        }
        FieldReader r = reader(recovery.get(cursor));
        return r.decode(() -> {
            r.text();
            r.text();
            r.text();
            r.instant();
            return r.bool();
        });
    }

    private int cancelAll(StrategySlot s, Instrument instrument) {
        requireLoopThread(s);
        int n = 0;
        for (OrderSlot slot : orders.values()) {
            if (slot.owner == s && slot.order.status().isOpen()
                    && (instrument == null || slot.order.instrument().equals(instrument))
                    && cancel(s, slot.order.clientOrderId())) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- gateway events

    private void handleOrderUpdate(AccountSlot a, Order update) {
        OrderSlot slot = orders.get(update.clientOrderId());
        if (slot == null) {
            LOG.debug("account {}: update of an order the engine did not send (or forgot): {}", a.id, update);
            return;
        }
        Order order = update.readOnlySnapshot();
        slot.order = order;
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.ORDER).text(slot.owner.id).order(order));
        }
        deliverUpdate(slot, order);
        if (order.status().isTerminal()) {
            retire(slot);
        }
    }

    private void deliverUpdate(OrderSlot slot, Order order) {
        StrategySlot s = slot.owner;
        if (s.strategy != null && s.state == StrategyState.RUNNING) {
            try {
                s.strategy.onOrderUpdate(order, s);
            } catch (Throwable t) {
                contain(s, t);
            }
        }
    }

    private void handleFill(AccountSlot a, Fill fill, Order order) {
        OrderSlot slot = orders.get(fill.orderId());
        StrategySlot owner = slot == null ? a.operator : slot.owner;
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.FILL).text(owner.id).text(a.id).fill(fill));
        }
        if (slot != null && slot.tradeIds != null) {
            slot.tradeIds.add(fill.tradeId());
        }
        Optional<ClosedTrade> closed = a.roundTrips.book(fill).closedTrade();
        governor.onFill(a.id, fill);
        closed.ifPresent(governor::onClosedTrade);
        if (slot != null && owner.strategy != null && owner.state == StrategyState.RUNNING) {
            try {
                owner.strategy.onFill(fill, order.readOnlySnapshot(), owner);
            } catch (Throwable t) {
                contain(owner, t);
            }
        }
    }

    // ---------------------------------------------------------------- failure containment

    private void contain(StrategySlot s, Throwable t) {
        if (t instanceof JournalFailure jf) {
            throw jf;
        }
        if (t instanceof RecoveryFailure rf) {
            throw rf;
        }
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
        if (s.state == StrategyState.FAILED) {
            return;
        }
        s.state = StrategyState.FAILED;
        s.failure = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        s.failedAt = time.now();
        LOG.warn("strategy {} threw and is stopped; its open orders stay open", s.id, t);
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.FAILED).text(s.id).instant(s.failedAt).text(s.failure));
        }
    }

    // ---------------------------------------------------------------- journal

    /** Callers build {@code w} only when there is a journal: the text encoding is most of an order's cost. */
    private void record(FieldWriter w) {
        byte[] bytes = w.toBytes();
        if (recovering) {
            byte[] expected = recovery.get(cursor);
            if (!Arrays.equals(expected, bytes)) {
                throw new RecoveryFailure("the re-run diverges from the journal at record " + (cursor + 1)
                        + ": journaled \"" + new String(expected, StandardCharsets.UTF_8) + "\", re-run produced \""
                        + new String(bytes, StandardCharsets.UTF_8) + "\"");
            }
            cursor++;
            if (cursor == recovery.size()) {
                recovering = false;
                LOG.info("trading engine restored from {} journal records", recovery.size());
            }
            return;
        }
        try {
            journal.append(bytes);
        } catch (RuntimeException e) {
            throw new JournalFailure("journal append failed; the engine stops trading: " + e.getMessage(), e);
        }
    }

    private FieldReader reader(byte[] bytes) {
        return new FieldReader("engine journal record " + (cursor + 1), bytes, instruments::get);
    }

    private void recover() {
        recovering = true;
        cursor = 0;
        while (recovering) {
            byte[] bytes = recovery.get(cursor);
            String kind = EngineRecords.kind(bytes);
            if (!EngineRecords.isInput(kind)) {
                throw new RecoveryFailure("the re-run diverges from the journal at record " + (cursor + 1)
                        + ": an input was expected, the journal has \"" + new String(bytes, StandardCharsets.UTF_8)
                        + "\"");
            }
            replayInput(kind, bytes);
            drainPending();
        }
    }

    private void replayInput(String kind, byte[] bytes) {
        FieldReader r = reader(bytes);
        r.text();
        switch (kind) {
            case EngineRecords.STARTED -> startStrategies(nanos(r.decode(r::instant)));
            case EngineRecords.STOPPED -> {
                r.decode(r::instant);
                stopStrategies();
            }
            case EngineRecords.MARKET -> {
                String feedName = r.text();
                Instant at = r.instant();
                MarketEvent event = r.decode(() -> EngineRecords.event(r));
                setTime(nanos(at));
                handleMarket(feed(feedName), event);
            }
            case EngineRecords.OUT_OF_SYNC -> {
                String feedName = r.text();
                Instant at = r.instant();
                InstrumentId id = r.instrumentId();
                String reason = r.decode(r::text);
                Instrument instrument = instruments.get(id);
                if (instrument == null) {
                    throw new RecoveryFailure("journal record " + (cursor + 1) + " names unknown instrument " + id);
                }
                setTime(nanos(at));
                handleOutOfSync(feed(feedName), instrument, reason);
            }
            case EngineRecords.TIMER -> {
                r.text();
                long sequence = r.number();
                r.instant();
                Instant at = r.decode(r::instant);
                TimerSlot t = timers.peek();
                if (t == null || t.id.sequence() != sequence) {
                    throw new RecoveryFailure("journal record " + (cursor + 1) + " fires timer " + sequence
                            + " but the re-run's next timer is " + (t == null ? "none" : t.id));
                }
                fireTimer(timers.poll(), nanos(at));
            }
            case EngineRecords.OPERATOR -> replayOperator(r);
            case EngineRecords.RECONCILE -> {
                String accountId = r.text();
                Instant at = r.instant();
                ClientOrderId id = ClientOrderId.of(r.text());
                String outcome = r.text();
                String reason = r.decode(r::text);
                OrderSlot slot = orders.get(id);
                if (slot == null || !slot.account.id.equals(accountId)) {
                    throw new RecoveryFailure("journal record " + (cursor + 1) + " reconciles order " + id
                            + " of account " + accountId + ", which the re-run did not send");
                }
                setTime(nanos(at));
                settlement(slot, outcome.equals(UNRESOLVED), reason);
            }
            case EngineRecords.GATEWAY_UPDATE, EngineRecords.GATEWAY_FILL -> {
                String accountId = r.text();
                Instant at = r.instant();
                AccountSlot a = accounts.get(accountId);
                if (a == null) {
                    throw new RecoveryFailure("journal record " + (cursor + 1) + " names unknown account " + accountId);
                }
                setTime(nanos(at));
                if (kind.equals(EngineRecords.GATEWAY_FILL)) {
                    Fill fill = r.fill();
                    Order order = r.decode(r::order);
                    new GatewayInput(a, order, fill, Long.MIN_VALUE).handle();
                } else {
                    new GatewayInput(a, r.decode(r::order), null, Long.MIN_VALUE).handle();
                }
            }
            default -> throw new RecoveryFailure("unknown engine journal record kind " + kind);
        }
    }

    private FeedSlot feed(String name) {
        for (FeedSlot f : feeds) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        throw new RecoveryFailure("journal record " + (cursor + 1) + " names feed " + name
                + ", which this engine does not have");
    }

    /** Orders the engine holds (open plus the ended ones it keeps): the bound a long run must stay under. */
    int ordersHeld() {
        return orders.size();
    }

    private static long nanos(Instant instant) {
        return EpochNanos.of(instant);
    }

    // ---------------------------------------------------------------- reconciliation (LIVE restart)

    /**
     * After a LIVE re-run: asks the venue about every order the journal leaves open (acknowledged SUBMITTED when
     * the journal ends before the venue's answer) and adopts what it says as journaled inputs, so the next restart
     * re-runs them: the fills the journal lacks, then the order's state; an order the venue does not know is lost
     * (REJECTED, or CANCELED once acknowledged) and never sent again. An order whose lookup throws or whose answer
     * does not fit stays unreconciled: new orders on its instrument in its account are denied
     * ({@link TradingEngine#UNRECONCILED_ORDER}) and the lookup is retried every second until it settles.
     */
    private void reconcile() {
        List<OrderSlot> open = new ArrayList<>();
        for (OrderSlot slot : orders.values()) {
            if (slot.order.status().isOpen() || unreconciled.containsKey(slot.order.clientOrderId())) {
                open.add(slot);
            }
        }
        if (open.isEmpty()) {
            return;
        }
        Map<ClientOrderId, Set<String>> known = journaledTradeIds();
        for (OrderSlot slot : open) {
            slot.tradeIds = known.getOrDefault(slot.order.clientOrderId(), new HashSet<>());
        }
        for (OrderSlot slot : open) {
            reconcile(slot);
        }
        LOG.info("reconciled {} orders with the venue after the restart; {} unsettled", open.size(),
                unreconciled.size());
    }

    /** The trade ids of the fills the journal holds, per order. */
    private Map<ClientOrderId, Set<String>> journaledTradeIds() {
        Map<ClientOrderId, Set<String>> known = new HashMap<>();
        for (int i = 0; i < recovery.size(); i++) {
            byte[] bytes = recovery.get(i);
            if (EngineRecords.kind(bytes).equals(EngineRecords.FILL)) {
                FieldReader r = new FieldReader("engine journal record " + (i + 1), bytes, instruments::get);
                Fill fill = r.decode(() -> {
                    r.text();
                    r.text();
                    r.text();
                    return r.fill();
                });
                known.computeIfAbsent(fill.orderId(), k -> new HashSet<>()).add(fill.tradeId());
            }
        }
        return known;
    }

    private void retryReconciliation() {
        setTime(baseClock.epochNanos());
        for (ClientOrderId id : new ArrayList<>(unreconciled.keySet())) {
            OrderSlot slot = orders.get(id);
            if (slot != null) {
                reconcile(slot);
            }
        }
        nextReconcileNanos = Math.addExact(baseClock.epochNanos(), RECONCILE_RETRY_NANOS);
    }

    private void reconcile(OrderSlot slot) {
        AccountSlot a = slot.account;
        ClientOrderId id = slot.order.clientOrderId();
        Optional<Order> answer;
        try {
            answer = a.gateway.order(id);
        } catch (RuntimeException e) {
            LOG.warn("account {}: looking up order {} at the venue failed; it stays unreconciled", a.id, id, e);
            unsettled(slot, "the venue lookup failed: " + e);
            return;
        }
        if (answer.isEmpty()) {
            Order lost = slot.order.snapshot();
            String reason = TradingEngine.ORDER_LOST + ": the venue does not know order " + id
                    + " after the engine's restart; it is not sent again";
            if (lost.status() == OrderStatus.SUBMITTED) {
                lost.markRejected(reason, time.now());
            } else {
                lost.markCanceled(reason, time.now());
            }
            LOG.warn("account {}: {}", a.id, reason);
            adopt(a, lost, null);
            settled(slot);
            return;
        }
        Order venue = answer.get().snapshot();
        String misfit = misfit(slot, venue);
        if (misfit != null) {
            LOG.warn("account {}: {}; the order stays unreconciled", a.id, misfit);
            unsettled(slot, misfit);
            return;
        }
        for (Fill fill : venue.fills()) {
            if (!slot.tradeIds.contains(fill.tradeId())) {
                adopt(a, venue, fill);
            }
        }
        if (venue.status() != slot.order.status() || !venue.filledQuantity().equals(slot.order.filledQuantity())) {
            adopt(a, venue, null);
        }
        settled(slot);
    }

    /** Why the venue's answer about {@code slot}'s order cannot be adopted, or null when it can. */
    private static String misfit(OrderSlot slot, Order venue) {
        OrderRequest mine = slot.order.request();
        OrderRequest theirs = venue.request();
        if (!theirs.clientOrderId().equals(mine.clientOrderId()) || !theirs.instrument().equals(mine.instrument())
                || theirs.side() != mine.side() || !theirs.quantity().equals(mine.quantity())) {
            return "the venue's order " + theirs + " does not match the journal's " + mine;
        }
        for (Fill fill : venue.fills()) {
            if (!fill.orderId().equals(mine.clientOrderId())) {
                return "the venue lists fill " + fill.tradeId() + " of order " + fill.orderId() + " under order "
                        + mine.clientOrderId();
            }
        }
        return null;
    }

    /** {@code order}'s state (with {@code fill}, when not null) learned from the venue, as a journaled input. */
    private void adopt(AccountSlot a, Order order, Fill fill) {
        new GatewayInput(a, order, fill, Long.MIN_VALUE).handle();
        drainPending();
    }

    private void unsettled(OrderSlot slot, String reason) {
        nextReconcileNanos = Math.addExact(baseClock.epochNanos(), RECONCILE_RETRY_NANOS);
        // The journaled reason stays: denials quote it, and a re-run must reproduce them.
        if (!unreconciled.containsKey(slot.order.clientOrderId())) {
            settlement(slot, true, reason);
        }
    }

    private void settled(OrderSlot slot) {
        if (unreconciled.containsKey(slot.order.clientOrderId())) {
            settlement(slot, false, "the venue answered");
        }
        slot.tradeIds = null;
    }

    /** Journals and applies that {@code slot}'s order is ({@code unsettled}) or is no longer unreconciled. */
    private void settlement(OrderSlot slot, boolean unsettled, String reason) {
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.RECONCILE).text(slot.account.id).instant(time.now())
                    .text(slot.order.clientOrderId().value()).text(unsettled ? UNRESOLVED : RESOLVED).text(reason));
        }
        eventsHandled++;
        if (unsettled) {
            unreconciled.put(slot.order.clientOrderId(), reason);
        } else {
            unreconciled.remove(slot.order.clientOrderId());
        }
    }

    /** An unreconciled order of account {@code a} on {@code instrument}, or null. */
    private ClientOrderId unreconciledOn(AccountSlot a, Instrument instrument) {
        for (ClientOrderId id : unreconciled.keySet()) {
            OrderSlot slot = orders.get(id);
            if (slot != null && slot.account == a && slot.order.instrument().id().equals(instrument.id())) {
                return id;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- operator controls

    @Override
    public void halt(String operator, String reason) {
        operatorAction(OperatorAction.HALT, operator, reason);
    }

    @Override
    public void resume(String operator, String reason) {
        operatorAction(OperatorAction.RESUME, operator, reason);
    }

    private void operatorAction(OperatorAction action, String operator, String reason) {
        requireText("operator", operator);
        requireText("reason", reason);
        synchronized (operatorLock) {
            OperatorRequest request = new OperatorRequest(action, operator, reason);
            // During a restart the governor's state is being re-run: the request waits for the re-run to end.
            if (!recovering) {
                applyToGovernor(request);
                request.applied = true;
            }
            if (state == EngineState.RUNNING || state == EngineState.CREATED) {
                operatorRequests.add(request);
            }
        }
        inbox.add(Wake.INSTANCE);
    }

    private void applyToGovernor(OperatorRequest request) {
        if (request.action == OperatorAction.HALT) {
            governor.halt(request.operator, request.reason);
        } else {
            governor.resume(request.operator, request.reason);
        }
    }

    /** A checkpoint: operator actions requested since the last one are journaled here, in order. */
    private void applyOperatorRequests() {
        if (recovering) {
            while (recovering && cursor < recovery.size()
                    && EngineRecords.kind(recovery.get(cursor)).equals(EngineRecords.OPERATOR)) {
                FieldReader r = reader(recovery.get(cursor));
                r.text();
                String action = r.text();
                if (action.equals(OperatorAction.FLATTEN.name())) {
                    return;
                }
                FieldReader operator = reader(recovery.get(cursor));
                operator.text();
                replayOperator(operator);
            }
            return;
        }
        if (loopThread != Thread.currentThread()) {
            return;
        }
        synchronized (operatorLock) {
            OperatorRequest request;
            while ((request = operatorRequests.poll()) != null) {
                if (!request.applied) {
                    applyToGovernor(request);
                }
                if (journal != null) {
                    record(new FieldWriter().text(EngineRecords.OPERATOR).text(request.action.name())
                            .text(request.operator).text(request.reason).instant(time.now()));
                }
            }
        }
    }

    private void replayOperator(FieldReader r) {
        OperatorAction action = OperatorAction.valueOf(r.text());
        String operator = r.text();
        String reason = r.text();
        Instant at = r.decode(r::instant);
        setTime(nanos(at));
        if (action == OperatorAction.FLATTEN) {
            flattenOnLoop(operator, reason);
            return;
        }
        OperatorRequest request = new OperatorRequest(action, operator, reason);
        applyToGovernor(request);
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.OPERATOR).text(action.name()).text(operator).text(reason)
                    .instant(time.now()));
        }
    }

    @Override
    public EngineStatus flatten(String operator, String reason) {
        requireText("operator", operator);
        requireText("reason", reason);
        return onLoop(() -> {
            flattenOnLoop(operator, reason);
            return snapshot();
        }, true);
    }

    private void flattenOnLoop(String operator, String reason) {
        applyOperatorRequests();
        if (journal != null) {
            record(new FieldWriter().text(EngineRecords.OPERATOR).text(OperatorAction.FLATTEN.name()).text(operator)
                    .text(reason).instant(time.now()));
        }
        for (OrderSlot slot : orders.values()) {
            if (slot.order.status().isOpen()) {
                cancel(slot.owner, slot.order.clientOrderId());
            }
        }
        drainPending();
        for (AccountSlot a : accounts.values()) {
            for (Position p : a.view.positions()) {
                if (p.isFlat()) {
                    continue;
                }
                OrderRequest.Builder close = (p.netRaw() > 0 ? OrderRequest.sell(p.instrument())
                        : OrderRequest.buy(p.instrument())).clientOrderId("flatten-" + (++flattenSequence))
                        .quantity(p.quantity());
                if (a.capabilities.reduceOnly()) {
                    close.reduceOnly(true);
                }
                OrderRequest request = close.build();
                if (orders.containsKey(request.clientOrderId())) {
                    continue;
                }
                send(a.operator, a, request, false);
                drainPending();
            }
        }
        governor.setState(TradingState.HALTED, operator, "flatten: " + reason);
        LOG.warn("flattened by {}: {}", operator, reason);
    }

    @Override
    public EngineStatus status() {
        return onLoop(this::snapshot, false);
    }

    /** Runs {@code work} on the loop thread (directly when called from it or when the loop is not running). */
    private <T> T onLoop(Supplier<T> work, boolean timed) {
        Thread loop = loopThread;
        if (loop == Thread.currentThread()) {
            return work.get();
        }
        if (loop == null || state != EngineState.RUNNING) {
            if (timed) {
                throw new IllegalStateException("the engine is " + state + "; flatten needs a running engine");
            }
            synchronized (this) {
                return work.get();
            }
        }
        Task task = new Task(work, timed);
        inbox.add(task);
        try {
            while (true) {
                try {
                    @SuppressWarnings("unchecked")
                    T result = (T) task.future.get(50, TimeUnit.MILLISECONDS);
                    return result;
                } catch (java.util.concurrent.TimeoutException e) {
                    if (finishedLatch.getCount() == 0 && !task.future.isDone()) {
                        inbox.remove(task);
                        if (timed) {
                            throw new IllegalStateException("the engine stopped before it could flatten");
                        }
                        return work.get();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine loop", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private EngineStatus snapshot() {
        List<StrategyStatus> s = new ArrayList<>();
        for (StrategySlot slot : strategies) {
            s.add(new StrategyStatus(slot.id, slot.account.id, slot.state, Optional.ofNullable(slot.failure),
                    Optional.ofNullable(slot.failedAt), detail(slot)));
        }
        boolean greeksPriced = false;
        List<AccountStatus> a = new ArrayList<>();
        for (AccountSlot slot : accounts.values()) {
            AccountView v = slot.view;
            List<PositionStatus> positions = new ArrayList<>();
            boolean options = false;
            for (Position p : v.positions()) {
                positions.add(PositionStatus.of(p));
                options |= p.instrument().assetClass() == AssetClass.OPTION;
            }
            Optional<GreeksSnapshot> greeks = Optional.empty();
            if (options && slot.greeks != null) {
                if (!greeksPriced) {
                    priceGreeksBook();
                    greeksPriced = true;
                }
                slot.greeks.recompute(v, time.epochNanos());
                greeks = Optional.of(slot.greeks.snapshot());
            }
            a.add(new AccountStatus(slot.id, v.cash(), v.equity(), v.realizedPnl(), v.unrealizedPnl(), positions,
                    greeks));
        }
        List<UnreconciledOrder> unsettled = new ArrayList<>();
        for (Map.Entry<ClientOrderId, String> e : unreconciled.entrySet()) {
            OrderSlot o = orders.get(e.getKey());
            if (o != null) {
                unsettled.add(new UnreconciledOrder(o.account.id, e.getKey(), o.order.instrument().id(),
                        e.getValue()));
            }
        }
        List<Order> open = new ArrayList<>();
        for (OrderSlot o = orders.first(); o != null; o = orders.next(o)) {
            if (o.order.status().isOpen()) {
                open.add(o.order);
            }
        }
        List<FeedStatus> f = new ArrayList<>();
        for (FeedSlot feed : feeds) {
            f.add(new FeedStatus(feed.name, feed.events, Optional.ofNullable(feed.lastEventTime)));
        }
        return new EngineStatus(time.now(), mode, state, governor.state(), s, a, open, f, stale, eventsHandled,
                unsettled, Optional.ofNullable(failure));
    }

    /** What a {@link StatusDetailSource} strategy publishes; a strategy failing here is shown without one. */
    private static Optional<StrategyDetail> detail(StrategySlot slot) {
        if (!(slot.strategy instanceof StatusDetailSource source)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(source.statusDetail());
        } catch (RuntimeException e) {
            LOG.warn("strategy {} threw publishing its status detail", slot.id, e);
            return Optional.empty();
        }
    }

    /** Sets the greeks book's time and its contracts' prices from the engine's last market data. */
    private void priceGreeksBook() {
        greeksBook.time(time.epochNanos());
        for (Instrument contract : greeksBook.instruments()) {
            if (contract.assetClass() == AssetClass.OPTION) {
                continue;
            }
            TopOfBook book = books.get(contract.id());
            if (book == null) {
                continue;
            }
            long price = book.hasBid() && book.hasAsk() ? Math.addExact(book.bidRaw(), book.askRaw()) / 2
                    : book.hasBid() ? book.bidRaw() : book.hasAsk() ? book.askRaw() : 0;
            if (price > 0) {
                greeksBook.price(contract, price);
            }
        }
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "TradingEngine[" + mode + ", " + state + ", " + strategies.size() + " strategies]";
    }

    // ---------------------------------------------------------------- inputs

    private interface Input {
        /** When the input arrived (base clock), or {@link Long#MIN_VALUE} to keep the engine's time. */
        long stampNanos();

        void handle();
    }

    private enum Wake implements Input {
        INSTANCE;

        @Override
        public long stampNanos() {
            return Long.MIN_VALUE;
        }

        @Override
        public void handle() {
        }
    }

    private final class Task implements Input {
        final Supplier<?> work;
        final CompletableFuture<Object> future = new CompletableFuture<>();
        final long stamp;

        /** {@code timed}: the task is an input with a time (flatten), not a read (status). */
        Task(Supplier<?> work, boolean timed) {
            this.work = work;
            this.stamp = timed && mode != EngineMode.REPLAY ? baseClock.epochNanos() : Long.MIN_VALUE;
        }

        @Override
        public long stampNanos() {
            return stamp;
        }

        @Override
        public void handle() {
            try {
                future.complete(work.get());
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
                if (e instanceof JournalFailure || e instanceof RecoveryFailure) {
                    throw e;
                }
            }
        }
    }

    /** A feed's event, or its report that {@code instrument} lost continuity ({@code event} null). */
    private final class FeedInput implements Input {
        FeedSlot feed;
        MarketEvent event;
        Instrument instrument;
        String reason;
        long stamp;

        FeedInput(FeedSlot feed, MarketEvent event, Instrument instrument, String reason, long stamp) {
            this.feed = feed;
            this.event = event;
            this.instrument = instrument;
            this.reason = reason;
            this.stamp = stamp;
        }

        /** This (the reused {@link #polledEvent}) as {@code feed}'s market event. */
        FeedInput hold(FeedSlot feed, MarketEvent event, long stamp) {
            this.feed = feed;
            this.event = event;
            this.instrument = null;
            this.reason = null;
            this.stamp = stamp;
            return this;
        }

        @Override
        public long stampNanos() {
            return stamp;
        }

        @Override
        public void handle() {
            if (event != null) {
                handleMarket(feed, event);
            } else {
                handleOutOfSync(feed, instrument, reason);
            }
        }
    }

    /** A gateway event from another thread: journaled as an input, since a re-run cannot reproduce it. */
    private final class GatewayInput implements Input {
        final AccountSlot account;
        final Order order;
        final Fill fill;
        final long stamp;

        GatewayInput(AccountSlot account, Order order, Fill fill, long stamp) {
            this.account = account;
            this.order = order;
            this.fill = fill;
            this.stamp = stamp;
        }

        @Override
        public long stampNanos() {
            return stamp;
        }

        @Override
        public void handle() {
            if (journal != null) {
                FieldWriter w = new FieldWriter().text(fill == null ? EngineRecords.GATEWAY_UPDATE
                        : EngineRecords.GATEWAY_FILL).text(account.id).instant(time.now());
                if (fill != null) {
                    w.fill(fill);
                }
                record(w.order(order));
            }
            eventsHandled++;
            if (fill != null) {
                handleFill(account, fill, order);
            } else {
                handleOrderUpdate(account, order);
            }
        }
    }

    private enum OperatorAction { HALT, RESUME, FLATTEN }

    private static final class OperatorRequest {
        final OperatorAction action;
        final String operator;
        final String reason;
        boolean applied;

        OperatorRequest(OperatorAction action, String operator, String reason) {
            this.action = action;
            this.operator = operator;
            this.reason = reason;
        }
    }

    // ---------------------------------------------------------------- slots

    private final class FeedSlot implements MarketDataListener {
        final String name;
        final MarketDataFeed feed;
        long events;
        Instant lastEventTime;

        FeedSlot(String name, MarketDataFeed feed) {
            this.name = name;
            this.feed = feed;
        }

        @Override
        public void onEvent(MarketEvent event) {
            inbox.addMarketEvent(this, event, baseClock.epochNanos());
        }

        @Override
        public void onOutOfSync(Instrument instrument, String reason) {
            inbox.add(new FeedInput(this, null, instrument, reason, baseClock.epochNanos()));
        }
    }

    private final class AccountSlot implements OrderListener {
        final String id;
        final OrderGateway gateway;
        final AccountView view;
        final AccountView readOnly;
        final MarketDataListener marketListener;
        final GatewayCapabilities capabilities;
        /** The engine's own booking of the account's fills, for the risk rules' closed round trips. */
        final PositionLedger roundTrips;
        final StrategySlot operator;
        final AccountGreeks greeks;

        AccountSlot(String id, OrderGateway gateway, AccountView view, AccountGreeks greeks) {
            this.id = id;
            this.greeks = greeks;
            this.gateway = gateway;
            this.view = view;
            this.readOnly = ReadOnlyAccount.of(view);
            this.marketListener = gateway instanceof MarketDataListener l ? l : null;
            this.capabilities = gateway.capabilities();
            this.operator = new StrategySlot(OPERATOR, null, this);
            this.roundTrips = new PositionLedger(id);
        }

        @Override
        public void onOrderUpdate(Order order) {
            if (Thread.currentThread() == loopThread) {
                defer(this, order, null, null);
            } else {
                inbox.add(new GatewayInput(this, order, null, baseClock.epochNanos()));
            }
        }

        @Override
        public void onFill(Fill fill, Order order) {
            if (Thread.currentThread() == loopThread) {
                defer(this, order, fill, null);
            } else {
                inbox.add(new GatewayInput(this, order, fill, baseClock.epochNanos()));
            }
        }
    }

    /** An order the engine sent (or denied); reused once the order is forgotten. */
    private static final class OrderSlot extends OrderTable.Entry {
        StrategySlot owner;
        AccountSlot account;
        /** Read-only: what the strategy is handed. */
        Order order;
        List<RiskViolation> violations = List.of();
        boolean retired;
        /** While a LIVE restart reconciles the order: the trade ids of the fills the engine has of it. */
        Set<String> tradeIds;

        void clear() {
            owner = null;
            account = null;
            order = null;
            violations = List.of();
            retired = false;
            tradeIds = null;
        }
    }

    /** See {@link #defer}; reused. */
    private static final class PendingEvent {
        AccountSlot account;
        Order order;
        Fill fill;
        OrderSlot denied;
    }

    private static final class TimerSlot {
        final TimerId id;
        final StrategySlot owner;
        final long periodNanos;
        long dueNanos;
        boolean done;

        TimerSlot(TimerId id, StrategySlot owner, long dueNanos, long periodNanos) {
            this.id = id;
            this.owner = owner;
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
        }
    }

    /** One strategy's runtime state and its context: the only object the strategy is handed. */
    private final class StrategySlot implements StrategyContext, OrderEntry, MarketData, Timers {
        final String id;
        final Strategy strategy;
        final AccountSlot account;
        final Set<Instrument> subscriptions = new LinkedHashSet<>();
        final Map<TimerId, TimerSlot> ownTimers = new HashMap<>();
        boolean all;
        /** The instrument of the last event this strategy took, compared by identity before hashing. */
        Instrument lastWanted;
        StrategyState state = StrategyState.CREATED;
        String failure;
        Instant failedAt;

        StrategySlot(String id, Strategy strategy, AccountSlot account) {
            this.id = id;
            this.strategy = strategy;
            this.account = account;
        }

        /** Whether events on {@code instrument} reach this strategy; a record's hashCode is a measurable cost. */
        boolean wants(Instrument instrument) {
            if (all || instrument == lastWanted) {
                return true;
            }
            if (subscriptions.contains(instrument)) {
                lastWanted = instrument;
                return true;
            }
            return false;
        }

        @Override
        public String strategyId() {
            return id;
        }

        @Override
        public Clock clock() {
            return strategyClock;
        }

        @Override
        public AccountView account() {
            return account.readOnly;
        }

        @Override
        public OrderEntry orders() {
            return this;
        }

        @Override
        public MarketData marketData() {
            return this;
        }

        @Override
        public Timers timers() {
            return this;
        }

        // OrderEntry

        @Override
        public Order submit(OrderRequest request) {
            return EventLoop.this.submit(this, java.util.Objects.requireNonNull(request, "request"));
        }

        @Override
        public List<Order> submit(BracketOrder bracket) {
            return EventLoop.this.submit(this, java.util.Objects.requireNonNull(bracket, "bracket"));
        }

        @Override
        public boolean cancel(ClientOrderId orderId) {
            requireLoopThread(this);
            return EventLoop.this.cancel(this, java.util.Objects.requireNonNull(orderId, "id"));
        }

        @Override
        public int cancelAll() {
            return EventLoop.this.cancelAll(this, null);
        }

        @Override
        public int cancelAll(Instrument instrument) {
            return EventLoop.this.cancelAll(this, java.util.Objects.requireNonNull(instrument, "instrument"));
        }

        @Override
        public Optional<Order> order(ClientOrderId orderId) {
            OrderSlot slot = orders.get(orderId);
            return slot == null || slot.owner != this ? Optional.empty() : Optional.of(slot.order);
        }

        @Override
        public List<Order> openOrders() {
            List<Order> open = new ArrayList<>();
            for (OrderSlot slot = orders.first(); slot != null; slot = orders.next(slot)) {
                if (slot.owner == this && slot.order.status().isOpen()) {
                    open.add(slot.order);
                }
            }
            return open;
        }

        @Override
        public List<RiskViolation> violations(ClientOrderId orderId) {
            OrderSlot slot = orders.get(orderId);
            return slot == null || slot.owner != this ? List.of() : slot.violations;
        }

        @Override
        public GatewayCapabilities capabilities() {
            return account.capabilities;
        }

        // MarketData

        @Override
        public void subscribe(Instrument instrument) {
            requireLoopThread(this);
            java.util.Objects.requireNonNull(instrument, "instrument");
            instruments.putIfAbsent(instrument.id(), instrument);
            if (subscriptions.add(instrument)) {
                feedSubscribe(instrument, 1);
            }
        }

        @Override
        public void unsubscribe(Instrument instrument) {
            requireLoopThread(this);
            if (subscriptions.remove(instrument)) {
                lastWanted = null;
                feedSubscribe(instrument, -1);
            }
        }

        @Override
        public void subscribeAll() {
            requireLoopThread(this);
            all = true;
        }

        @Override
        public Set<Instrument> subscriptions() {
            return Collections.unmodifiableSet(new LinkedHashSet<>(subscriptions));
        }

        @Override
        public Optional<Quote> lastQuote(InstrumentId instrument) {
            return Optional.ofNullable(quotes.get(instrument));
        }

        @Override
        public boolean isStale(InstrumentId instrument) {
            return stale.contains(instrument);
        }

        // Timers

        @Override
        public TimerId scheduleOnce(String name, Instant at) {
            requireLoopThread(this);
            java.util.Objects.requireNonNull(at, "at");
            return schedule(name, Math.max(nanos(at), time.epochNanos()), 0);
        }

        @Override
        public TimerId scheduleEvery(String name, Duration period) {
            requireLoopThread(this);
            java.util.Objects.requireNonNull(period, "period");
            if (period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("period must be positive: " + period);
            }
            long p = period.toNanos();
            return schedule(name, Math.addExact(time.epochNanos(), p), p);
        }

        private TimerId schedule(String name, long due, long period) {
            requireText("timer name", name);
            TimerId timerId = new TimerId(++timerSequence, name);
            TimerSlot t = new TimerSlot(timerId, this, due, period);
            timers.add(t);
            ownTimers.put(timerId, t);
            return timerId;
        }

        @Override
        public boolean cancel(TimerId timer) {
            requireLoopThread(this);
            TimerSlot t = ownTimers.remove(timer);
            if (t == null || t.done) {
                return false;
            }
            t.done = true;
            return timers.remove(t);
        }

        @Override
        public String toString() {
            return "StrategyContext[" + id + "]";
        }
    }

    private void feedSubscribe(Instrument instrument, int delta) {
        if (mode == EngineMode.REPLAY) {
            return;
        }
        int before = feedSubscriptions.getOrDefault(instrument, 0);
        int after = before + delta;
        if (after <= 0) {
            feedSubscriptions.remove(instrument);
        } else {
            feedSubscriptions.put(instrument, after);
        }
        if (before == 0 && after > 0) {
            for (FeedSlot feed : feeds) {
                feed.feed.subscribe(instrument, feed);
            }
        } else if (before > 0 && after == 0) {
            for (FeedSlot feed : feeds) {
                feed.feed.unsubscribe(instrument, feed);
            }
        }
    }

    /** The journal failed: the engine stops trading rather than trade unrecorded. */
    private static final class JournalFailure extends JournalException {
        private static final long serialVersionUID = 1L;

        JournalFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The journal cannot be re-run into this engine: restoring would be a guess, so the engine does not start. */
    private static final class RecoveryFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RecoveryFailure(String message) {
            super(message);
        }
    }
}
