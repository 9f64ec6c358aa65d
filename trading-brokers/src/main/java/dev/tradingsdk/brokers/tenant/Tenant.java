package dev.tradingsdk.brokers.tenant;

import dev.tradingsdk.brokers.Broker;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.time.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One client of a multi-tenant deployment: its own broker (accounts), its own risk governor (halts, daily loss,
 * throttles, duplicate-id windows), its own journal directory and credentials. {@link #gateway()} is the order
 * path for this tenant's strategies and agents: every order, bracket entries and exits included, is checked by
 * this tenant's governor first and refused as a REJECTED order, never sent, when it fails.
 */
public final class Tenant implements AutoCloseable {

    private final String id;
    private final Path journalDir;
    private final Broker broker;
    private final BrokerGateway brokerGateway;
    private final RiskGovernor governor;
    private final MarketState market;
    private final Clock clock;
    private final CheckedGateway gateway = new CheckedGateway();

    Tenant(String id, Path journalDir, Broker broker, RiskGovernor governor, MarketState market, Clock clock) {
        this.id = id;
        this.journalDir = journalDir;
        this.broker = broker;
        this.brokerGateway = BrokerGateway.builder(broker).clock(clock).build();
        this.governor = governor;
        this.market = market;
        this.clock = clock;
        if (broker.pushesOrderUpdates()) {
            // Read once here: the listener runs inside the broker's fill path and must not call back into it.
            String accountId = broker.account().accountId();
            broker.addOrderListener(new OrderListener() {
                @Override
                public void onOrderUpdate(Order order) {
                }

                @Override
                public void onFill(Fill fill, Order order) {
                    governor.onFill(accountId, fill);
                }
            });
        }
    }

    public String id() {
        return id;
    }

    public Path journalDir() {
        return journalDir;
    }

    public Broker broker() {
        return broker;
    }

    public RiskGovernor governor() {
        return governor;
    }

    /** The tenant's account as core's read-only view. */
    public AccountView account() {
        return brokerGateway;
    }

    /** The risk-checked order path of this tenant. */
    public OrderGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "Tenant[" + id + ", " + broker.name() + "]";
    }

    private final class CheckedGateway implements OrderGateway {

        @Override
        public Order submit(OrderRequest request) {
            String refusal = refusal(request);
            return refusal == null ? brokerGateway.submit(request) : rejected(request, refusal);
        }

        @Override
        public GatewayCapabilities capabilities() {
            return brokerGateway.capabilities();
        }

        @Override
        public List<Order> submit(BracketOrder bracket) {
            String refusal = refusal(bracket.entry());
            if (refusal == null) {
                return brokerGateway.submit(bracket);
            }
            List<Order> out = new ArrayList<>();
            out.add(rejected(bracket.entry(), refusal));
            out.add(rejected(bracket.takeProfit(), "bracket entry rejected: " + refusal));
            out.add(rejected(bracket.stopLoss(), "bracket entry rejected: " + refusal));
            return out;
        }

        private String refusal(OrderRequest request) {
            brokerGateway.invalidate();
            RiskDecision decision = governor.check(request, brokerGateway, market);
            if (decision.accepted()) {
                return null;
            }
            return "risk: " + decision.violations().stream().map(v -> v.code() + " (" + v.message() + ")")
                    .collect(Collectors.joining("; "));
        }

        private Order rejected(OrderRequest request, String reason) {
            Order order = new Order(request, clock.now());
            order.markRejected(reason, clock.now());
            return order;
        }

        @Override
        public boolean cancel(ClientOrderId orderId) {
            return brokerGateway.cancel(orderId);
        }

        @Override
        public Optional<Order> order(ClientOrderId orderId) {
            return brokerGateway.order(orderId);
        }

        @Override
        public List<Order> openOrders() {
            return brokerGateway.openOrders();
        }

        @Override
        public void addListener(OrderListener listener) {
            brokerGateway.addListener(listener);
        }
    }
}
