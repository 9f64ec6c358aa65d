package dev.tradingsdk.brokers;

import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any {@link Broker} as core's {@link OrderGateway}, {@link AccountView} and {@link MarketDataFeed}, so the
 * strategy runtime, risk governor and agents use a broker exactly like the simulated venue.
 *
 * <p><b>Orders</b> pass straight through. Listeners get every change from a broker that pushes them (the paper
 * broker). For the others the gateway reports what it sees (after submit, bracket, cancel, and whenever an order
 * is read): an order whose status or filled quantity changed since last seen is passed on, and a grown filled
 * quantity first as a fill of the difference (at the venue's average price for a first fill, at the price the
 * averages imply for a later one), so listeners always hear of a fill before the update that reflects it.
 * <b>Account</b>
 * reads come from one snapshot of account and positions that is refreshed when older than {@code maxAccountAge}
 * (default one second), so a risk check reading equity, positions and margin costs two broker calls, not six.
 * <b>Market data</b> goes to the feed given, or, without
 * one, is polled from the broker's quotes by {@link #poll()} (the caller's timer decides how often).
 *
 * <p>Over a broker that is itself a {@link MarketDataListener} (the paper broker) the gateway is one too, passing
 * events on, so the strategy runtime's PAPER mode can feed it the prices it fills against before the strategies
 * see them.
 *
 * <p>Thread-safe.
 */
public sealed class BrokerGateway implements OrderGateway, AccountView, MarketDataFeed {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerGateway.class);

    private final Broker broker;
    private final MarketDataFeed feed;
    private final Clock clock;
    private final long maxAccountAgeNanos;
    private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Instrument, List<MarketDataListener>> polled = new LinkedHashMap<>();
    private final Map<ClientOrderId, Order> seen = new java.util.HashMap<>();
    /** Read and replaced without a lock, so no broker call ever runs under one (brokers call back into it). */
    private volatile AccountSnapshot snapshot;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private record AccountSnapshot(BrokerAccount account, List<Position> positions, long takenAtNanos,
                                   long generation) {
    }

    private BrokerGateway(Builder b) {
        this.broker = b.broker;
        this.feed = b.feed;
        this.clock = b.clock;
        this.maxAccountAgeNanos = b.maxAccountAge.toNanos();
        if (broker.pushesOrderUpdates()) {
            broker.addOrderListener(new OrderListener() {
                @Override
                public void onOrderUpdate(Order order) {
                }

                @Override
                public void onFill(Fill fill, Order order) {
                    invalidate();
                }
            });
        }
    }

    /** A gateway over {@code broker} with the defaults: quotes polled from the broker, one-second account reads. */
    public static BrokerGateway of(Broker broker) {
        return builder(broker).build();
    }

    public static Builder builder(Broker broker) {
        return new Builder(broker);
    }

    /** The gateway over a broker that takes market events: it passes them on. */
    private static final class Listening extends BrokerGateway implements MarketDataListener {
        private final MarketDataListener target;

        private Listening(Builder b) {
            super(b);
            this.target = (MarketDataListener) b.broker;
        }

        @Override
        public void onEvent(MarketEvent event) {
            target.onEvent(event);
        }

        @Override
        public void onOutOfSync(Instrument instrument, String reason) {
            target.onOutOfSync(instrument, reason);
        }
    }

    public Broker broker() {
        return broker;
    }

    // ---- OrderGateway ----

    @Override
    public Order submit(OrderRequest request) {
        Order order = broker.submit(request);
        invalidate();
        observe(order);
        return order;
    }

    @Override
    public List<Order> submit(BracketOrder bracket) {
        List<Order> orders = List.copyOf(broker.submit(bracket));
        invalidate();
        orders.forEach(this::observe);
        return orders;
    }

    @Override
    public boolean cancel(ClientOrderId id) {
        boolean requested = broker.cancel(id);
        if (requested) {
            broker.order(id).ifPresent(this::observe);
        }
        return requested;
    }

    @Override
    public Optional<Order> order(ClientOrderId id) {
        Optional<Order> order = broker.order(id);
        order.ifPresent(this::observe);
        return order;
    }

    @Override
    public List<Order> openOrders() {
        List<Order> open = List.copyOf(broker.orders(OrderFilter.open()));
        open.forEach(this::observe);
        return open;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return broker.capabilities();
    }

    @Override
    public void addListener(OrderListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (broker.pushesOrderUpdates()) {
            broker.addOrderListener(listener);
        } else {
            listeners.add(listener);
        }
    }

    /** Passes on what changed since the order was last seen; a pushing broker has told the listeners already. */
    private boolean observe(Order order) {
        if (broker.pushesOrderUpdates()) {
            return false;
        }
        Fill fill;
        synchronized (seen) {
            Order before = seen.get(order.clientOrderId());
            if (before != null && before.status() == order.status()
                    && before.filledQuantity().equals(order.filledQuantity())) {
                return false;
            }
            seen.put(order.clientOrderId(), order);
            fill = newFill(before, order);
        }
        if (fill != null) {
            invalidate();
        }
        for (OrderListener listener : listeners) {
            if (fill != null) {
                listener.onFill(fill, order);
            }
            listener.onOrderUpdate(order);
        }
        return true;
    }

    /**
     * Reads again every order last seen open and passes on what changed (fills first); returns how many changed.
     * For brokers that do not push updates, call it from a timer to hear of fills; a pushing broker returns 0.
     */
    public int pollOrders() {
        if (broker.pushesOrderUpdates()) {
            return 0;
        }
        List<ClientOrderId> open = new ArrayList<>();
        synchronized (seen) {
            for (Order o : seen.values()) {
                if (!o.status().isTerminal()) {
                    open.add(o.clientOrderId());
                }
            }
        }
        int changed = 0;
        for (ClientOrderId id : open) {
            Optional<Order> now = broker.order(id);
            if (now.isPresent() && observe(now.get())) {
                changed++;
            }
        }
        return changed;
    }

    private static Fill newFill(Order before, Order now) {
        Quantity previous = before == null ? Quantity.zero(now.filledQuantity().precision()) : before.filledQuantity();
        if (!now.filledQuantity().isGreaterThan(previous) || now.averageFillPrice().isEmpty()) {
            return null;
        }
        Quantity delta = now.filledQuantity().minus(previous);
        Instrument instrument = now.instrument();
        Price price;
        if (previous.isZero()) {
            // The venue's average price exactly as reported (the snapshot's one aggregate fill), not re-scaled.
            price = now.fills().isEmpty() ? now.averageFillPrice().orElseThrow()
                    : now.fills().get(now.fills().size() - 1).price();
        } else {
            BigDecimal notional = now.averageFillPrice().orElseThrow().toBigDecimal()
                    .multiply(now.filledQuantity().toBigDecimal())
                    .subtract(before.averageFillPrice().orElseThrow().toBigDecimal()
                            .multiply(previous.toBigDecimal()));
            int precision = Math.min(instrument.pricePrecision() + 4, FixedMath.MAX_PRECISION);
            price = Price.of(notional.divide(delta.toBigDecimal(), precision, RoundingMode.HALF_EVEN), precision);
        }
        return new Fill(now.clientOrderId(), now.venueOrderId().orElse("fill") + "-" + now.filledQuantity(),
                instrument, now.side(), price, delta, Money.zero(instrument.quoteCurrency()), now.updatedAt());
    }

    // ---- AccountView ----

    private AccountSnapshot current() {
        long now = clock.epochNanos();
        long gen = generation.get();
        AccountSnapshot s = snapshot;
        if (s != null && s.generation() == gen && now - s.takenAtNanos() < maxAccountAgeNanos
                && now >= s.takenAtNanos()) {
            return s;
        }
        BrokerAccount account = broker.account();
        List<Position> positions = new ArrayList<>();
        for (BrokerPosition p : broker.positions()) {
            positions.add(p.toPosition());
        }
        // Tagged with the generation read before the calls: an invalidation meanwhile makes it stale at once.
        AccountSnapshot fresh = new AccountSnapshot(account, List.copyOf(positions), now, gen);
        snapshot = fresh;
        return fresh;
    }

    /** Drops the account snapshot, so the next read asks the broker. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    @Override
    public String accountId() {
        return current().account().accountId();
    }

    @Override
    public Currency currency() {
        return current().account().currency();
    }

    @Override
    public Money cash() {
        return current().account().cash();
    }

    @Override
    public Money equity() {
        return current().account().equity();
    }

    @Override
    public Money marginUsed() {
        return current().account().marginUsed();
    }

    @Override
    public Money marginAvailable() {
        return current().account().buyingPower();
    }

    @Override
    public Money realizedPnl() {
        BrokerAccount account = current().account();
        if (account.realizedPnlUnknown().isPresent()) {
            // Zero would read as "nothing lost today" to a daily-loss rule; an unknown fails the check instead.
            throw BrokerException.builder(BrokerException.Type.UNKNOWN, broker.name(), "realizedPnl")
                    .message("realized P&L is unknown: " + account.realizedPnlUnknown().get())
                    .context("accountId", account.accountId()).build();
        }
        return account.realizedPnl();
    }

    @Override
    public Money unrealizedPnl() {
        return current().account().unrealizedPnl();
    }

    @Override
    public List<Position> positions() {
        return current().positions();
    }

    @Override
    public Optional<Position> position(InstrumentId instrument) {
        for (Position p : current().positions()) {
            if (p.instrument().id().equals(instrument)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    // ---- MarketDataFeed ----

    @Override
    public void subscribe(Instrument instrument, MarketDataListener listener) {
        if (feed != null) {
            feed.subscribe(instrument, listener);
            return;
        }
        if (!broker.supportsQuotes()) {
            throw new UnsupportedOperationException(broker.name()
                    + " has no quotes to poll; give the gateway a feed");
        }
        synchronized (polled) {
            polled.computeIfAbsent(instrument, i -> new CopyOnWriteArrayList<>()).add(listener);
        }
    }

    @Override
    public void unsubscribe(Instrument instrument, MarketDataListener listener) {
        if (feed != null) {
            feed.unsubscribe(instrument, listener);
            return;
        }
        synchronized (polled) {
            List<MarketDataListener> list = polled.get(instrument);
            if (list != null) {
                list.remove(listener);
                if (list.isEmpty()) {
                    polled.remove(instrument);
                }
            }
        }
    }

    /**
     * Asks the broker for a quote of every polled instrument and delivers each to its listeners; returns how many
     * quotes were delivered. A failed quote tells that instrument's listeners it is out of sync and moves on.
     */
    public int poll() {
        Map<Instrument, List<MarketDataListener>> copy;
        synchronized (polled) {
            copy = new LinkedHashMap<>(polled);
        }
        int delivered = 0;
        for (Map.Entry<Instrument, List<MarketDataListener>> e : copy.entrySet()) {
            Optional<Quote> quote;
            try {
                quote = broker.quote(e.getKey());
            } catch (BrokerException ex) {
                LOG.warn("{}: quote of {} failed: {}", broker.name(), e.getKey(), ex.getMessage());
                e.getValue().forEach(l -> l.onOutOfSync(e.getKey(), ex.getMessage()));
                continue;
            }
            if (quote.isPresent()) {
                e.getValue().forEach(l -> l.onEvent(quote.get()));
                delivered++;
            }
        }
        return delivered;
    }

    /** Options; {@link #build()} makes the gateway. */
    public static final class Builder {
        private final Broker broker;
        private MarketDataFeed feed;
        private Clock clock = Clock.system();
        private Duration maxAccountAge = Duration.ofSeconds(1);

        private Builder(Broker broker) {
            this.broker = Objects.requireNonNull(broker, "broker");
        }

        /** Market data from this feed instead of polling the broker's quotes. */
        public Builder feed(MarketDataFeed marketData) {
            this.feed = Objects.requireNonNull(marketData, "feed");
            return this;
        }

        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /** How old an account snapshot may get before a read refreshes it; zero reads the broker every time. */
        public Builder maxAccountAge(Duration age) {
            if (age == null || age.isNegative()) {
                throw new IllegalArgumentException("maxAccountAge must not be negative, was " + age);
            }
            this.maxAccountAge = age;
            return this;
        }

        public BrokerGateway build() {
            return broker instanceof MarketDataListener ? new Listening(this) : new BrokerGateway(this);
        }
    }
}
