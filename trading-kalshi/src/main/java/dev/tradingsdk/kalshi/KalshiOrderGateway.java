package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.NotFoundException;
import dev.tradingsdk.core.http.ResponseDecodingException;
import dev.tradingsdk.core.http.TransportException;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.time.Clock;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's {@link OrderGateway} over Kalshi's V2 event orders, so any core strategy trades Kalshi. Instruments are
 * YES contracts ({@link KalshiInstruments}): BUY is a bid, SELL an ask (selling YES you do not hold buys NO).
 *
 * <ul>
 *   <li>LIMIT orders map to GTC (GTD adds the expiry), IOC or FOK. V2 has no market order: MARKET is sent as IOC
 *       at the worst price of the grid (one tick from 0 or 1), the documented workaround. Stops and DAY are not
 *       supported and come back REJECTED.</li>
 *   <li>A client order id already used on this gateway is REJECTED without a request; Kalshi's 409 likewise.
 *       Venue refusals become REJECTED with the venue's code and message; transport failures and unreadable
 *       answers that stay ambiguous after {@link KalshiClient#createOrder}'s lookup throw (never REJECTED: the
 *       order may be live).</li>
 *   <li>Reduce-only needs IOC at Kalshi; with no position to reduce it is REJECTED before sending.</li>
 *   <li>Fills come from Kalshi: read by order id after a create that filled, from {@link #syncFills}, or pushed
 *       by a {@link KalshiStream} through {@link #fillListener()}; each trade id is applied once.</li>
 * </ul>
 * Thread-safe; listeners are called on the thread that caused the event.
 */
public final class KalshiOrderGateway implements OrderGateway {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiOrderGateway.class);

    private final KalshiClient client;
    private final Clock clock;
    private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<ClientOrderId, Order> orders = new HashMap<>();
    private final Map<String, ClientOrderId> byVenueId = new HashMap<>();
    private final Set<String> appliedTrades = new HashSet<>();

    public KalshiOrderGateway(KalshiClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GatewayCapabilities capabilities() {
        return new GatewayCapabilities(EnumSet.of(OrderType.LIMIT, OrderType.MARKET),
            EnumSet.of(TimeInForce.GTC, TimeInForce.GTD, TimeInForce.IOC, TimeInForce.FOK), false, true, true, true);
    }

    @Override
    public void addListener(OrderListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        Order order = new Order(request, clock.now());
        synchronized (this) {
            if (orders.containsKey(request.clientOrderId())) {
                order.markRejected("duplicate client order id " + request.clientOrderId(), clock.now());
                return order.snapshot();
            }
            orders.put(request.clientOrderId(), order);
        }
        String refusal = refusal(request);
        if (refusal != null) {
            return finish(order, o -> o.markRejected(refusal, clock.now()));
        }
        KalshiOrderRequest venueRequest;
        try {
            venueRequest = toVenue(request);
        } catch (InvalidKalshiOrderException e) {
            return finish(order, o -> o.markRejected(e.getMessage(), clock.now()));
        }
        synchronized (this) {
            order.markSubmitted(clock.now());
        }
        OrderAck ack;
        try {
            ack = client.createOrder(venueRequest);
        } catch (TransportException | ResponseDecodingException e) {
            throw e;
        } catch (ApiException e) {
            String reason = "Kalshi refused the order: " + e.venueCode().map(c -> c + ": ").orElse("")
                + e.venueMessage().orElse("HTTP " + e.httpStatus());
            return finish(order, o -> o.markRejected(reason, clock.now()));
        }
        Order accepted = finish(order, o -> {
            o.markAccepted(ack.orderId(), clock.now());
            byVenueId.put(ack.orderId(), o.clientOrderId());
        });
        if (!ack.fillCount().isZero()) {
            try (Stream<KalshiFill> fills = client.fillsOfOrder(ack.orderId())) {
                fills.filter(f -> f.orderId().equals(ack.orderId())).forEach(this::applyVenueFill);
            }
        }
        boolean immediate = venueRequest.timeInForce() != KalshiTimeInForce.GOOD_TILL_CANCELED;
        if (immediate && ack.remainingCount().isZero()) {
            synchronized (this) {
                if (order.status().isOpen() && order.leavesQuantity().signum() > 0) {
                    order.markCanceled("unfilled remainder of an immediate order canceled by Kalshi", clock.now());
                    Order snapshot = order.snapshot();
                    notifyUpdate(snapshot);
                    return snapshot;
                }
            }
        }
        return order(request.clientOrderId()).orElse(accepted);
    }

    /** Why the request cannot go to Kalshi, or null. */
    private String refusal(OrderRequest request) {
        Instrument instrument = request.instrument();
        if (!instrument.venue().equals(KalshiInstruments.VENUE)) {
            return "instrument " + instrument.id() + " is not a Kalshi market";
        }
        if (request.type() != OrderType.LIMIT && request.type() != OrderType.MARKET) {
            return "Kalshi takes limit orders only (MARKET is sent as an IOC limit); " + request.type()
                + " is not supported";
        }
        if (request.timeInForce() == TimeInForce.DAY) {
            return "Kalshi has no DAY time in force; use GTD with an expiry";
        }
        if (request.reduceOnly()) {
            if (request.type() == OrderType.LIMIT && request.timeInForce() != TimeInForce.IOC) {
                return "Kalshi accepts reduce-only only for immediate-or-cancel orders";
            }
            Optional<MarketPosition> held;
            try (Stream<MarketPosition> positions = client.positions(instrument.symbol())) {
                held = positions.filter(p -> p.ticker().equals(instrument.symbol()) && p.outcome().isPresent())
                    .findFirst();
            }
            Outcome reduces = request.side() == Side.SELL ? Outcome.YES : Outcome.NO;
            if (held.isEmpty() || held.get().outcome().get() != reduces) {
                return "reduce-only " + request.side() + " with no " + reduces + " position in " + instrument.symbol()
                    + " to reduce";
            }
        }
        return null;
    }

    private static KalshiOrderRequest toVenue(OrderRequest request) {
        Instrument instrument = request.instrument();
        BookSide side = request.side() == Side.BUY ? BookSide.BID : BookSide.ASK;
        Price price;
        KalshiTimeInForce tif;
        if (request.type() == OrderType.MARKET) {
            Price tick = instrument.tickSize().withPrecision(KalshiInstruments.PRICE_PRECISION, RoundingMode.UNNECESSARY);
            price = side == BookSide.BID ? KalshiOrderRequest.complement(tick) : tick;
            tif = request.timeInForce() == TimeInForce.FOK ? KalshiTimeInForce.FILL_OR_KILL
                : KalshiTimeInForce.IMMEDIATE_OR_CANCEL;
        } else {
            price = request.limitPriceOrNull();
            tif = switch (request.timeInForce()) {
                case IOC -> KalshiTimeInForce.IMMEDIATE_OR_CANCEL;
                case FOK -> KalshiTimeInForce.FILL_OR_KILL;
                default -> KalshiTimeInForce.GOOD_TILL_CANCELED;
            };
        }
        KalshiOrderRequest.Builder builder = KalshiOrderRequest.builder(instrument.symbol(), side,
            price.toBigDecimal().toPlainString(), request.quantity().toBigDecimal().toPlainString())
            .clientOrderId(request.clientOrderId().value()).timeInForce(tif).postOnly(request.postOnly())
            .reduceOnly(request.reduceOnly());
        request.expireAt().ifPresent(builder::expiration);
        return builder.build();
    }

    private Order finish(Order order, java.util.function.Consumer<Order> change) {
        Order snapshot;
        synchronized (this) {
            change.accept(order);
            snapshot = order.snapshot();
        }
        notifyUpdate(snapshot);
        return snapshot;
    }

    @Override
    public boolean cancel(ClientOrderId id) {
        Order order;
        String venueId;
        synchronized (this) {
            order = orders.get(id);
            if (order == null || !order.status().isOpen() || order.venueOrderId().isEmpty()) {
                return false;
            }
            venueId = order.venueOrderId().get();
        }
        try {
            client.cancelOrder(venueId, order.instrument().symbol());
        } catch (NotFoundException e) {
            LOG.info("kalshi cancel {}: the venue no longer knows order {}", id, venueId);
            return false;
        }
        synchronized (this) {
            if (!order.status().isOpen()) {
                return false;
            }
        }
        finish(order, o -> o.markCanceled("canceled on request", clock.now()));
        return true;
    }

    @Override
    public synchronized Optional<Order> order(ClientOrderId id) {
        Order order = orders.get(id);
        return order == null ? Optional.empty() : Optional.of(order.snapshot());
    }

    @Override
    public synchronized List<Order> openOrders() {
        List<Order> open = new ArrayList<>();
        for (Order order : orders.values()) {
            if (order.status().isOpen()) {
                open.add(order.snapshot());
            }
        }
        return List.copyOf(open);
    }

    /** Reads our fills of {@code ticker} from REST and applies the ones not seen yet. */
    public void syncFills(String ticker) {
        try (Stream<KalshiFill> fills = client.fills(ticker)) {
            fills.forEach(this::applyVenueFill);
        }
    }

    /** A stream listener applying the {@code fill} channel's executions to this gateway's orders. */
    public KalshiStreamListener fillListener() {
        return new KalshiStreamListener() {
            @Override
            public void onFill(KalshiFill fill) {
                applyVenueFill(fill);
            }
        };
    }

    /** Applies one Kalshi execution to its order (found by Kalshi order id); unknown orders and repeats are skipped. */
    void applyVenueFill(KalshiFill venueFill) {
        Order order;
        Fill fill;
        Order snapshot;
        synchronized (this) {
            ClientOrderId id = byVenueId.get(venueFill.orderId());
            order = id == null ? null : orders.get(id);
            if (order == null || !appliedTrades.add(venueFill.tradeId())) {
                return;
            }
            Side side = venueFill.outcome() == Outcome.YES ? Side.BUY : Side.SELL;
            fill = new Fill(order.clientOrderId(), venueFill.tradeId(), order.instrument(), side,
                venueFill.yesPrice(), venueFill.count(), venueFill.fee(), venueFill.time());
            try {
                order.applyFill(fill);
            } catch (RuntimeException e) {
                appliedTrades.remove(venueFill.tradeId());
                LOG.warn("kalshi fill {} does not fit order {}: {}", venueFill.tradeId(), order.clientOrderId(),
                    e.getMessage());
                return;
            }
            snapshot = order.snapshot();
        }
        for (OrderListener listener : listeners) {
            listener.onFill(fill, snapshot);
        }
        notifyUpdate(snapshot);
    }

    private void notifyUpdate(Order snapshot) {
        for (OrderListener listener : listeners) {
            listener.onOrderUpdate(snapshot);
        }
    }

    @Override
    public String toString() {
        return "KalshiOrderGateway[" + client + "]";
    }
}
