package dev.tradingsdk.brokers.paper;

import dev.tradingsdk.brokers.Broker;
import dev.tradingsdk.brokers.BrokerAccount;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.BrokerPosition;
import dev.tradingsdk.brokers.ClientOrderIds;
import dev.tradingsdk.brokers.OrderChange;
import dev.tradingsdk.brokers.OrderFilter;
import dev.tradingsdk.brokers.TradingMode;
import dev.tradingsdk.brokers.paper.internal.InstrumentRecord;
import dev.tradingsdk.brokers.paper.internal.MarketRecord;
import dev.tradingsdk.brokers.paper.internal.OrderRecord;
import dev.tradingsdk.brokers.paper.internal.PaperRecord;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.backtest.SlippageModel;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.journal.JsonCodec;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default broker: no network, orders filled by core's {@link SimulatedVenue} against the prices
 * it is fed ({@link #onMarketEvent}: a live feed or a replay), with its commission and slippage models, market,
 * limit, stop, stop-limit and bracket orders, and one-cancels-other exits.
 *
 * <p><b>Restart.</b> With a journal directory, every command (submit, bracket, cancel, replace, market event)
 * is written to core's {@link Journal} before it is applied, and a new broker on the same directory replays
 * them into a fresh venue: orders, fills, positions and cash come back exactly (the venue is deterministic for
 * the journaled seed). A command that would fail is refused before anything is written.
 *
 * <p><b>Time.</b> Commands happen at the broker's clock (the system clock by default; pass the replay's clock
 * when feeding history), market events at their own timestamps; the venue's time never goes back.
 *
 * <p>It is also a {@link MarketDataFeed}: subscribers get each event after the venue has matched it, like a
 * strategy in a backtest; and a {@link MarketDataListener}, so the strategy runtime's PAPER mode can feed it.
 * Thread-safe: every method locks the broker.
 */
public final class PaperBroker implements Broker, MarketDataFeed, MarketDataListener {

    private static final Logger LOG = LoggerFactory.getLogger(PaperBroker.class);

    private final String accountId;
    private final Clock clock;
    private final SimulatedClock venueClock;
    private final Portfolio portfolio;
    private final SimulatedVenue venue;
    private final Journal<PaperRecord> journal;
    private final ClientOrderIds ids;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    /** Instruments whose definition is in the journal. */
    private final Set<InstrumentId> recordedInstruments = new HashSet<>();
    private final Map<ClientOrderId, Instant> submittedAt = new HashMap<>();
    private final Set<ClientOrderId> bracketExits = new HashSet<>();
    private final Map<InstrumentId, Quote> lastQuotes = new HashMap<>();
    private final Map<InstrumentId, List<MarketDataListener>> subscribers = new LinkedHashMap<>();
    private final List<OrderListener> orderListeners = new CopyOnWriteArrayList<>();
    private final boolean buyingPowerCheck;
    private final Function<OrderRequest, String> extraCheck;
    /** Orders this broker refused before they reached the venue (buying power, the extra check). */
    private final Map<ClientOrderId, Order> refused = new LinkedHashMap<>();
    private boolean closed;
    private PaperOpen opened;

    private record PaperOpen(String accountId, String cash, String currency, long seed) {
    }

    private PaperBroker(Builder b) {
        this.accountId = b.accountId;
        this.clock = b.clock;
        this.buyingPowerCheck = b.buyingPowerCheck;
        this.extraCheck = b.preTradeCheck;
        this.ids = ClientOrderIds.of("paper", b.clock, new Random());
        this.venueClock = new SimulatedClock(Instant.ofEpochSecond(0));
        this.portfolio = new Portfolio(b.accountId, b.initialCash);
        this.venue = SimulatedVenue.builder().fees(b.fees).slippage(b.slippage).seed(b.seed)
                .build(portfolio, venueClock);
        this.venue.addListener(new OrderListener() {
            @Override
            public void onOrderUpdate(Order order) {
                orderListeners.forEach(l -> l.onOrderUpdate(order));
            }

            @Override
            public void onFill(dev.tradingsdk.core.order.Fill fill, Order order) {
                orderListeners.forEach(l -> l.onFill(fill, order));
            }
        });
        b.instruments.forEach(i -> instruments.put(i.id(), i));
        this.journal = b.journalDir == null ? null : Journal.builder(b.journalDir, JsonCodec.of(PaperRecord.class))
                .open();
        if (journal != null) {
            recover(b);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- journal ----

    private void recover(Builder b) {
        long replayed;
        try {
            replayed = journal.replay(1, (sequence, record) -> {
                try {
                    apply(record, sequence == 1);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("paper journal record " + sequence + " (" + record.kind()
                            + ") cannot be re-applied: " + e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        if (replayed == 0) {
            journal.append(PaperRecord.open(clock.epochNanos(), accountId, b.initialCash.toString(),
                    b.initialCash.currency().code(), b.initialCash.currency().precision(), b.seed));
            return;
        }
        PaperOpen open = opened;
        if (!open.accountId.equals(accountId) || !open.cash.equals(b.initialCash.toString())
                || !open.currency.equals(b.initialCash.currency().code()) || open.seed != b.seed) {
            journal.close();
            throw new IllegalStateException("journal " + b.journalDir + " belongs to account " + open.accountId
                    + " with cash " + open.cash + " " + open.currency + " and seed " + open.seed
                    + ", but the builder says account " + accountId + " with cash " + b.initialCash + " and seed "
                    + b.seed);
        }
        LOG.info("paper broker {} resumed from {} journal records: {} orders, {} open positions", accountId,
                replayed, venue.allOrders().size(), portfolio.positions().size());
    }

    private void apply(PaperRecord r, boolean first) {
        if (first != "OPEN".equals(r.kind())) {
            throw new IllegalStateException("the first record must be OPEN, record kind " + r.kind());
        }
        advance(r.atNanos());
        switch (r.kind()) {
            case "OPEN" -> opened = new PaperOpen(r.accountId(), r.cash(), r.currency(), r.seed());
            case "INSTRUMENT" -> {
                Instrument i = r.instrument().toInstrument();
                instruments.put(i.id(), i);
                recordedInstruments.add(i.id());
            }
            case "SUBMIT" -> applySubmit(request(r.orders().get(0)));
            case "BRACKET" -> applyBracket(new BracketOrder(request(r.orders().get(0)), request(r.orders().get(1)),
                    request(r.orders().get(2))));
            case "CANCEL" -> venue.cancel(ClientOrderId.of(r.target()));
            case "REPLACE" -> applyReplace(ClientOrderId.of(r.target()), request(r.orders().get(0)));
            case "MARKET" -> applyMarket(r.market().toEvent(instrument(r.market().symbol(), r.market().venue())));
            default -> throw new IllegalStateException("unknown record kind " + r.kind());
        }
    }

    private OrderRequest request(OrderRecord o) {
        return o.toRequest(instrument(o.symbol(), o.venue()));
    }

    private Instrument instrument(String symbol, String venueName) {
        Instrument i = instruments.get(InstrumentId.of(symbol, venueName));
        if (i == null) {
            throw new IllegalStateException("no instrument " + symbol + "@" + venueName + " was recorded");
        }
        return i;
    }

    /** Writes {@code record} first, so a crash after the write replays the command and one before it loses it. */
    private void record(PaperRecord record) {
        if (journal != null) {
            journal.append(record);
        }
    }

    private void register(Instrument instrument, long atNanos) {
        if (journal != null && !recordedInstruments.contains(instrument.id())) {
            record(PaperRecord.instrument(atNanos, InstrumentRecord.of(instrument)));
            recordedInstruments.add(instrument.id());
        }
        instruments.putIfAbsent(instrument.id(), instrument);
    }

    private void advance(long atNanos) {
        if (atNanos > venueClock.epochNanos()) {
            venueClock.setEpochNanos(atNanos);
        }
    }

    // ---- pre-trade check ----

    private String rejectionReason(OrderRequest request) {
        String reason = extraCheck.apply(request);
        if (reason != null || !buyingPowerCheck || request.side() != Side.BUY || request.reduceOnly()) {
            return reason;
        }
        Price price = request.limitPrice().or(request::stopPrice)
                .or(() -> portfolio.markOf(request.instrument().id())).orElse(null);
        if (price == null || !request.instrument().quoteCurrency().equals(portfolio.currency())) {
            return null;
        }
        Money notional = request.instrument().notional(price, request.quantity());
        Money cash = portfolio.cash();
        if (notional.isGreaterThan(cash)) {
            return "insufficient buying power: order notional " + notional + " exceeds cash " + cash;
        }
        return null;
    }

    // ---- Broker ----

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public TradingMode mode() {
        return TradingMode.PAPER;
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return ids.next();
    }

    @Override
    public synchronized BrokerAccount account() {
        checkOpen();
        return new BrokerAccount(accountId, portfolio.currency(), portfolio.cash(), portfolio.equity(),
                portfolio.marginAvailable(), portfolio.marginUsed(), portfolio.realizedPnl(),
                portfolio.unrealizedPnl());
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        checkOpen();
        List<BrokerPosition> out = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            Price mark = portfolio.markOf(p.instrument().id()).orElse(p.averagePrice());
            out.add(new BrokerPosition(p.instrument(), p.side(), p.quantity(), p.averagePrice(), mark,
                    p.marketValue(mark), p.unrealizedPnl(mark)));
        }
        return out;
    }

    @Override
    public synchronized Order submit(OrderRequest request) {
        checkOpen();
        Objects.requireNonNull(request, "request");
        checkUnused(request.clientOrderId());
        long at = clock.epochNanos();
        register(request.instrument(), at);
        record(PaperRecord.orders("SUBMIT", at, List.of(OrderRecord.of(request)), null));
        advance(at);
        return applySubmit(request);
    }

    private Order applySubmit(OrderRequest request) {
        submittedAt.put(request.clientOrderId(), venueClock.now());
        String reason = rejectionReason(request);
        if (reason != null) {
            return refuse(request, reason).snapshot();
        }
        return venue.submit(request);
    }

    /** Records {@code request} as rejected for {@code reason} without sending it to the venue, and tells listeners. */
    private Order refuse(OrderRequest request, String reason) {
        Instant now = venueClock.now();
        Order order = new Order(request, now);
        order.markSubmitted(now);
        order.markRejected(reason, now);
        refused.put(request.clientOrderId(), order);
        Order snapshot = order.snapshot();
        orderListeners.forEach(l -> l.onOrderUpdate(snapshot));
        return order;
    }

    @Override
    public synchronized List<Order> submit(BracketOrder bracket) {
        checkOpen();
        Objects.requireNonNull(bracket, "bracket");
        checkUnused(bracket.entry().clientOrderId());
        checkUnused(bracket.takeProfit().clientOrderId());
        checkUnused(bracket.stopLoss().clientOrderId());
        long at = clock.epochNanos();
        register(bracket.entry().instrument(), at);
        record(PaperRecord.orders("BRACKET", at, List.of(OrderRecord.of(bracket.entry()),
                OrderRecord.of(bracket.takeProfit()), OrderRecord.of(bracket.stopLoss())), null));
        advance(at);
        return applyBracket(bracket);
    }

    private List<Order> applyBracket(BracketOrder bracket) {
        Instant now = venueClock.now();
        submittedAt.put(bracket.entry().clientOrderId(), now);
        submittedAt.put(bracket.takeProfit().clientOrderId(), now);
        submittedAt.put(bracket.stopLoss().clientOrderId(), now);
        bracketExits.add(bracket.takeProfit().clientOrderId());
        bracketExits.add(bracket.stopLoss().clientOrderId());
        String reason = rejectionReason(bracket.entry());
        if (reason != null) {
            return List.of(refuse(bracket.entry(), reason).snapshot(),
                    refuse(bracket.takeProfit(), "bracket entry rejected: " + reason).snapshot(),
                    refuse(bracket.stopLoss(), "bracket entry rejected: " + reason).snapshot());
        }
        return venue.submit(bracket);
    }

    private void checkUnused(ClientOrderId id) {
        if (submittedAt.containsKey(id)) {
            throw new IllegalArgumentException("clientOrderId " + id + " was already used");
        }
    }

    @Override
    public synchronized boolean cancel(ClientOrderId id) {
        checkOpen();
        Optional<Order> order = venue.order(id);
        if (order.isEmpty() || !order.get().status().isOpen()) {
            return false;
        }
        long at = clock.epochNanos();
        record(PaperRecord.cancel(at, id.value()));
        advance(at);
        return venue.cancel(id);
    }

    @Override
    public synchronized Order replace(ClientOrderId id, OrderChange change) {
        checkOpen();
        Objects.requireNonNull(change, "change");
        Order old = venue.order(id).orElseThrow(() -> rejected("replace", "unknown order " + id, id));
        if (!old.status().isOpen()) {
            throw rejected("replace", "order " + id + " is " + old.status() + ", not open", id);
        }
        if (bracketExits.contains(id)) {
            throw rejected("replace", "order " + id + " is a bracket exit; cancel the bracket and submit a new one",
                    id);
        }
        ClientOrderId newId = change.newClientOrderId().orElseGet(ids::next);
        checkUnused(newId);
        OrderRequest replacement = change.applyTo(old.request(), newId);
        long at = clock.epochNanos();
        record(PaperRecord.orders("REPLACE", at, List.of(OrderRecord.of(replacement)), id.value()));
        advance(at);
        return applyReplace(id, replacement);
    }

    private Order applyReplace(ClientOrderId id, OrderRequest replacement) {
        venue.cancel(id);
        return applySubmit(replacement);
    }

    private BrokerException rejected(String operation, String message, ClientOrderId id) {
        return BrokerException.builder(BrokerException.Type.REJECTED, name(), operation).message(message)
                .context("clientOrderId", id).context("accountId", accountId).build();
    }

    @Override
    public synchronized List<Order> orders(OrderFilter filter) {
        checkOpen();
        List<Order> out = new ArrayList<>();
        List<Order> all = new ArrayList<>(venue.allOrders());
        refused.values().forEach(o -> all.add(o.snapshot()));
        all.sort(Comparator.comparing(o -> submittedAt.get(o.clientOrderId())));
        for (Order o : all) {
            if (filter.matches(o.instrument().symbol(), o.status().isOpen(), submittedAt.get(o.clientOrderId()))) {
                out.add(o);
            }
        }
        Collections.reverse(out);
        return out.size() > filter.limit() ? List.copyOf(out.subList(0, filter.limit())) : out;
    }

    @Override
    public synchronized Optional<Order> order(ClientOrderId id) {
        checkOpen();
        Optional<Order> atVenue = venue.order(id);
        return atVenue.isPresent() ? atVenue : Optional.ofNullable(refused.get(id)).map(Order::snapshot);
    }

    @Override
    public boolean pushesOrderUpdates() {
        return true;
    }

    @Override
    public void addOrderListener(OrderListener listener) {
        orderListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public boolean supportsQuotes() {
        return true;
    }

    /** The last quote fed for {@code instrument}; empty before the first. */
    @Override
    public synchronized Optional<Quote> quote(Instrument instrument) {
        return Optional.ofNullable(lastQuotes.get(instrument.id()));
    }

    // ---- prices ----

    /**
     * Matches working orders against {@code event}, marks positions to it and passes it on to subscribers. Book
     * snapshots are matched but not journaled, so feed quotes, bars or trades to a journaled broker.
     */
    public synchronized void onMarketEvent(MarketEvent event) {
        checkOpen();
        Objects.requireNonNull(event, "event");
        long at = Math.max(clock.epochNanos(), venueClock.epochNanos());
        MarketRecord market = MarketRecord.of(event);
        if (market == null && journal != null) {
            throw new IllegalArgumentException("a journaled paper broker keeps bars, quotes and trades only, not "
                    + event.getClass().getSimpleName());
        }
        register(event.instrument(), at);
        if (market != null) {
            record(PaperRecord.market(at, market));
        }
        applyMarket(event);
        List<MarketDataListener> list = subscribers.get(event.instrument().id());
        if (list != null) {
            for (MarketDataListener l : List.copyOf(list)) {
                l.onEvent(event);
            }
        }
    }

    /** Same as {@link #onMarketEvent}: the runtime's PAPER mode feeds the broker through this. */
    @Override
    public void onEvent(MarketEvent event) {
        onMarketEvent(event);
    }

    private void applyMarket(MarketEvent event) {
        if (event instanceof Quote q) {
            lastQuotes.put(q.instrument().id(), q);
        }
        venue.onMarketEvent(event);
    }

    @Override
    public synchronized void subscribe(Instrument instrument, MarketDataListener listener) {
        subscribers.computeIfAbsent(instrument.id(), i -> new ArrayList<>()).add(
                Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public synchronized void unsubscribe(Instrument instrument, MarketDataListener listener) {
        List<MarketDataListener> list = subscribers.get(instrument.id());
        if (list != null) {
            list.remove(listener);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("paper broker " + accountId + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (journal != null) {
                journal.close();
            }
        }
    }

    @Override
    public String toString() {
        return "PaperBroker[" + accountId + (journal == null ? "" : ", journaled") + "]";
    }

    /** Settings; all optional but the initial cash, each taking one value: a second throws, naming both. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private String accountId = "paper";
        private Money initialCash;
        private FeeModel fees = FeeModel.none();
        private SlippageModel slippage = SlippageModel.none();
        private long seed;
        private Clock clock = Clock.system();
        private Path journalDir;
        private boolean buyingPowerCheck = true;
        private Function<OrderRequest, String> preTradeCheck = request -> null;
        private final List<Instrument> instruments = new ArrayList<>();

        private Builder() {
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        public Builder accountId(String id) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("accountId must not be blank, was \"" + id + "\"");
            }
            once("accountId", accountId, id);
            this.accountId = id;
            return this;
        }

        public Builder initialCash(Money cash) {
            Objects.requireNonNull(cash, "initialCash");
            if (cash.isNegative()) {
                throw new IllegalArgumentException("initialCash must not be negative, was " + cash);
            }
            once("initialCash", initialCash, cash);
            this.initialCash = cash;
            return this;
        }

        /** Commission per fill, e.g. {@code FeeModel.bps("1")} or {@code FeeModel.fixed(...)}. */
        public Builder commission(FeeModel model) {
            once("commission", "a FeeModel", "a FeeModel");
            this.fees = Objects.requireNonNull(model, "commission");
            return this;
        }

        public Builder slippage(SlippageModel model) {
            once("slippage", "a SlippageModel", "a SlippageModel");
            this.slippage = Objects.requireNonNull(model, "slippage");
            return this;
        }

        /** Seed of the venue's random slippage; journaled, so a restart must use the same. */
        public Builder seed(long value) {
            once("seed", seed, value);
            this.seed = value;
            return this;
        }

        public Builder clock(Clock source) {
            once("clock", "a Clock", "a Clock");
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /** Journal every command under {@code dir}; a broker on the same directory resumes where this one was. */
        public Builder journal(Path dir) {
            once("journal", journalDir, dir);
            this.journalDir = Objects.requireNonNull(dir, "journal");
            return this;
        }

        /** Refuse buy orders whose notional exceeds cash (default on; market orders are valued at the mark). */
        public Builder buyingPowerCheck(boolean enabled) {
            once("buyingPowerCheck", buyingPowerCheck, enabled);
            this.buyingPowerCheck = enabled;
            return this;
        }

        /**
         * An extra check run before the buying-power check, e.g. venue rules to imitate: it returns the rejection
         * reason, or null to let the order through.
         */
        public Builder preTradeCheck(Function<OrderRequest, String> check) {
            once("preTradeCheck", "a Function", "a Function");
            this.preTradeCheck = Objects.requireNonNull(check, "preTradeCheck");
            return this;
        }

        /** Instruments known up front; others are learnt from the first order or price that uses them. */
        public Builder instrument(Instrument instrument) {
            this.instruments.add(Objects.requireNonNull(instrument, "instrument"));
            return this;
        }

        public PaperBroker build() {
            if (initialCash == null) {
                throw new IllegalArgumentException("initialCash is required");
            }
            return new PaperBroker(this);
        }
    }
}
