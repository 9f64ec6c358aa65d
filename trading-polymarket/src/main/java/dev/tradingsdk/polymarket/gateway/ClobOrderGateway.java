package dev.tradingsdk.polymarket.gateway;

import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.InvalidOrderException;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.polymarket.ClobClient;
import dev.tradingsdk.polymarket.ClobStreamListener;
import dev.tradingsdk.polymarket.OrderOutcomeUnknownException;
import dev.tradingsdk.polymarket.dto.OpenOrder;
import dev.tradingsdk.polymarket.dto.PostOrderResult;
import dev.tradingsdk.polymarket.dto.UserOrderEvent;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import dev.tradingsdk.polymarket.order.ClobOrderRequest;
import dev.tradingsdk.polymarket.order.ClobOrderType;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import dev.tradingsdk.polymarket.signing.SignedClobOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's {@link OrderGateway} over {@link ClobClient}: limit orders only, GTC and GTD rest (post-only allowed), IOC
 * maps to FAK and FOK to FOK (the CLOB's market orders, a BUY spending size × limit collateral with the limit as the
 * worst price). Fills and cancels arrive from the user channel: pass {@link #userChannelListener()} to
 * {@code ClobStream.user(...)}. Resting orders fill through {@code order} UPDATE events (size matched), taker
 * orders through the {@code trade} events that name them as taker, each trade once; taker fills pay the
 * {@link PolymarketFeeModel} fee, maker fills nothing.
 *
 * <p>A post without a definite answer is looked up by its order hash and, when the CLOB does not know it,
 * re-posted once as the same signed order; only then is it reported rejected. Thread-safe.
 */
public final class ClobOrderGateway implements OrderGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ClobOrderGateway.class);
    private static final GatewayCapabilities CAPABILITIES = new GatewayCapabilities(EnumSet.of(OrderType.LIMIT),
            EnumSet.of(TimeInForce.GTC, TimeInForce.GTD, TimeInForce.IOC, TimeInForce.FOK), false, true, false, false);

    private final ClobClient client;
    private final Map<Instrument, String> tokens;
    private final PolymarketFeeModel fees;
    private final Clock clock;
    private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Map<String, Order> byVenueId = new HashMap<>();
    private final Set<String> tradesSeen = new HashSet<>();

    public ClobOrderGateway(ClobClient client, Map<Instrument, String> tokens, PolymarketFeeModel fees, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Map.copyOf(tokens);
        this.fees = Objects.requireNonNull(fees, "fees");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GatewayCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Order submit(OrderRequest request) {
        Order order = new Order(request, clock.now());
        synchronized (this) {
            if (orders.containsKey(request.clientOrderId())) {
                throw new InvalidOrderException("clientOrderId", request.clientOrderId(), "is already used");
            }
            orders.put(request.clientOrderId(), order);
        }
        ClobOrderRequest venueRequest;
        try {
            venueRequest = toClob(request);
        } catch (InvalidOrderException e) {
            return rejected(order, e.getMessage());
        }
        order.markSubmitted(clock.now());
        PostOrderResult result;
        try {
            result = client.postOrder(venueRequest);
        } catch (OrderOutcomeUnknownException e) {
            result = resolveUnknown(e, venueRequest);
            if (result == null) {
                return rejected(order, "outcome unknown and the order could not be confirmed: " + e.getMessage());
            }
        } catch (ApiException | InvalidOrderException e) {
            return rejected(order, e.getMessage());
        }
        if (!result.success()) {
            return rejected(order, result.errorMsg());
        }
        synchronized (this) {
            order.markAccepted(result.orderId(), clock.now());
            byVenueId.put(result.orderId(), order);
        }
        return emit(order);
    }

    /** The safe retry: look the signed order up; if unknown, post the same signed order once more. */
    private PostOrderResult resolveUnknown(OrderOutcomeUnknownException e, ClobOrderRequest request) {
        SignedClobOrder signed = e.orders().get(0);
        try {
            Optional<OpenOrder> found = client.findOrder(signed);
            if (found.isPresent()) {
                return new PostOrderResult(true, null, found.get().id(), found.get().status(), null, null, List.of(),
                        List.of());
            }
            LOG.info("order {} unknown to the CLOB after an ambiguous post; re-posting the same signed order",
                    signed.orderId());
            return client.postOrder(signed, request.orderType(), request.postOnly());
        } catch (ApiException again) {
            LOG.warn("order {} still unresolved: {}", signed.orderId(), again.getMessage());
            return null;
        }
    }

    private ClobOrderRequest toClob(OrderRequest request) {
        String token = tokens.get(request.instrument());
        if (token == null) {
            throw new InvalidOrderException("instrument", request.instrument(), "has no CLOB token in this gateway");
        }
        if (request.type() != OrderType.LIMIT) {
            throw new InvalidOrderException("type", request.type(), "only LIMIT orders are supported");
        }
        BigDecimal price = request.limitPrice().orElseThrow().toBigDecimal();
        BigDecimal size = request.quantity().toBigDecimal();
        ClobOrderRequest.Builder b = switch (request.timeInForce()) {
            case GTC -> ClobOrderRequest.limit(token, request.side(), price, size);
            case GTD -> ClobOrderRequest.limit(token, request.side(), price, size)
                    .goodTill(request.expireAt().orElseThrow().getEpochSecond());
            case IOC, FOK -> ClobOrderRequest.market(token, request.side(), price,
                    request.side() == Side.BUY ? size.multiply(price).setScale(2, RoundingMode.DOWN) : size)
                    .orderType(request.timeInForce() == TimeInForce.IOC ? ClobOrderType.FAK : ClobOrderType.FOK);
            default -> throw new InvalidOrderException("timeInForce", request.timeInForce(), "is not supported");
        };
        if (request.postOnly()) {
            b.postOnly();
        }
        return b.build();
    }

    @Override
    public boolean cancel(ClientOrderId id) {
        Order order;
        synchronized (this) {
            order = orders.get(id);
        }
        if (order == null || !order.status().isOpen() || order.venueOrderId().isEmpty()) {
            return false;
        }
        String venueId = order.venueOrderId().get();
        boolean canceled = client.cancelOrder(venueId).canceled().contains(venueId);
        if (canceled) {
            synchronized (this) {
                if (order.status().isOpen()) {
                    order.markCanceled("canceled", clock.now());
                }
            }
            emit(order);
        }
        return canceled;
    }

    @Override
    public synchronized Optional<Order> order(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id)).map(Order::snapshot);
    }

    @Override
    public synchronized List<Order> openOrders() {
        List<Order> open = new ArrayList<>();
        for (Order o : orders.values()) {
            if (o.status().isOpen()) {
                open.add(o.snapshot());
            }
        }
        return List.copyOf(open);
    }

    @Override
    public void addListener(OrderListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The listener to give the user-channel {@code ClobStream}: turns its events into order updates and fills. */
    public ClobStreamListener userChannelListener() {
        return new ClobStreamListener() {
            @Override
            public void onOrder(UserOrderEvent event) {
                onVenueOrder(event);
            }

            @Override
            public void onTrade(UserTradeEvent event) {
                onVenueTrade(event);
            }
        };
    }

    private void onVenueOrder(UserOrderEvent event) {
        Order order;
        Fill fill = null;
        synchronized (this) {
            order = byVenueId.get(event.orderId());
            if (order == null || order.status().isTerminal()) {
                return;
            }
            boolean resting = order.request().timeInForce() == TimeInForce.GTC
                    || order.request().timeInForce() == TimeInForce.GTD;
            if (event.type() == UserOrderEvent.Type.CANCELLATION) {
                order.markCanceled("canceled by the CLOB", at(event.timestampMillis()));
            } else if (event.type() == UserOrderEvent.Type.UPDATE && resting) {
                Quantity matched = event.sizeMatched().withPrecision(order.instrument().sizePrecision(),
                        RoundingMode.DOWN);
                Quantity increment = matched.minus(order.filledQuantity());
                if (increment.signum() > 0) {
                    fill = fill(order, "order-" + event.orderId() + "-" + matched, order.request().limitPrice()
                            .orElseThrow(), increment, false, event.timestampMillis());
                    order.applyFill(fill);
                }
            } else {
                return;
            }
        }
        if (fill != null) {
            for (OrderListener listener : listeners) {
                listener.onFill(fill, order.snapshot());
            }
        }
        emit(order);
    }

    private void onVenueTrade(UserTradeEvent event) {
        Order order;
        Fill fill;
        synchronized (this) {
            order = event.takerOrderId() == null ? null : byVenueId.get(event.takerOrderId());
            if (order == null || order.status().isTerminal() || event.status() == UserTradeEvent.Status.FAILED
                    || !tradesSeen.add(event.tradeId())) {
                return;
            }
            Quantity size = event.size().withPrecision(order.instrument().sizePrecision(), RoundingMode.DOWN);
            Quantity leaves = order.leavesQuantity();
            Quantity quantity = size.compareTo(leaves) > 0 ? leaves : size;
            if (quantity.signum() <= 0) {
                return;
            }
            Price price = event.price().withPrecision(order.instrument().pricePrecision(), RoundingMode.HALF_EVEN);
            fill = fill(order, event.tradeId(), price, quantity, true, event.timestampMillis());
            order.applyFill(fill);
        }
        for (OrderListener listener : listeners) {
            listener.onFill(fill, order.snapshot());
        }
        emit(order);
    }

    private Fill fill(Order order, String tradeId, Price price, Quantity quantity, boolean taker, long millis) {
        Money fee = taker ? fees.fee(order.instrument(), order.side(), price, quantity,
                dev.tradingsdk.core.backtest.Liquidity.TAKER) : Money.zero(order.instrument().quoteCurrency());
        return new Fill(order.clientOrderId(), tradeId, order.instrument(), order.side(), price, quantity, fee,
                at(millis));
    }

    private Instant at(long millis) {
        return millis > 0 ? Instant.ofEpochMilli(millis) : clock.now();
    }

    private Order rejected(Order order, String reason) {
        synchronized (this) {
            order.markRejected(reason == null ? "rejected" : reason, clock.now());
        }
        return emit(order);
    }

    private Order emit(Order order) {
        Order snapshot;
        synchronized (this) {
            snapshot = order.snapshot();
        }
        for (OrderListener listener : listeners) {
            listener.onOrderUpdate(snapshot);
        }
        return snapshot;
    }

    @Override
    public String toString() {
        return "ClobOrderGateway[" + client + ", " + tokens.size() + " tokens]";
    }
}
