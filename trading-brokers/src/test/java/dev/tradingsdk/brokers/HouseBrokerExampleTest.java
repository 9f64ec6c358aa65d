package dev.tradingsdk.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.http.NotFoundException;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/**
 * The README's in-house adapter (how to reach a broker without a public API, such as PhillipCapital through a
 * firm's own REST gateway), run against a loopback house API, and checked to be the code the README shows.
 */
class HouseBrokerExampleTest {

    // README adapter start
    /** A firm's own REST gateway: POST /orders, GET /orders/{clientId}, DELETE /orders/{clientId}, GET /account. */
    static final class HouseBroker implements Broker {
        private final RestClient http;
        private final ClientOrderIds ids = ClientOrderIds.of("house");
        private final Map<ClientOrderId, OrderRequest> sent = new ConcurrentHashMap<>();

        HouseBroker(String baseUrl, Credentials credentials) {
            this.http = RestClient.builder("house", baseUrl).retryPolicy(RetryPolicy.none())
                    .defaultHeader("X-Api-Key", credentials.keyId())
                    .defaultHeader("X-Api-Secret", credentials.secret().reveal()).build();
        }

        @Override public String name() { return "house"; }
        @Override public TradingMode mode() { return TradingMode.PAPER; }
        @Override public ClientOrderId nextClientOrderId() { return ids.next(); }

        @Override public BrokerAccount account() {
            JsonNode a = http.get("/account").executeJson();
            Money cash = Money.of(a.get("cash").asText(), Currency.USD);
            Money equity = Money.of(a.get("equity").asText(), Currency.USD);
            Money zero = Money.zero(Currency.USD);
            return new BrokerAccount(a.get("id").asText(), Currency.USD, cash, equity, cash, zero, zero, zero);
        }

        @Override public List<BrokerPosition> positions() {
            List<BrokerPosition> out = new ArrayList<>();
            for (JsonNode p : http.get("/positions").executeJson()) {
                Instrument i = Instrument.builder(p.get("symbol").asText(), Venue.of("HOUSE"))
                        .assetClass(AssetClass.EQUITY).quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0)
                        .build();
                Quantity qty = i.size(p.get("qty").asText());
                Price avg = i.price(p.get("avg_price").asText());
                Price mark = i.price(p.get("price").asText());
                out.add(new BrokerPosition(i, PositionSide.LONG, qty, avg, mark, i.notional(mark, qty),
                        i.notional(mark, qty).minus(i.notional(avg, qty))));
            }
            return out;
        }

        @Override public Order submit(OrderRequest r) {
            Map<String, String> body = Map.of("client_id", r.clientOrderId().value(), "symbol",
                    r.instrument().symbol(), "side", r.side().name(), "qty", r.quantity().toString(),
                    "limit", r.limitPrice().orElseThrow().toString());
            sent.put(r.clientOrderId(), r);
            return LookupBeforeResend.submit(name(), "submit", r.clientOrderId(), 2,
                    () -> toOrder(r, http.post("/orders").jsonBody(body).executeJson()),
                    () -> find(r.clientOrderId()).map(o -> toOrder(r, o)));
        }

        private Optional<JsonNode> find(ClientOrderId id) {
            try {
                return Optional.of(http.get("/orders/" + id.value()).executeJson());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        }

        private static Order toOrder(OrderRequest r, JsonNode o) {
            Order order = new Order(r, Instant.now());
            order.markSubmitted(Instant.now());
            order.markAccepted(o.get("order_id").asText(), Instant.now());
            if (o.get("status").asText().equals("canceled")) {
                order.markCanceled("canceled", Instant.now());
            }
            return order;
        }

        @Override public List<Order> submit(BracketOrder bracket) {
            throw new UnsupportedOperationException("the house gateway has no brackets");
        }

        @Override public boolean cancel(ClientOrderId id) {
            return find(id).isPresent() && http.delete("/orders/" + id.value()).execute().statusCode() == 200;
        }

        @Override public Order replace(ClientOrderId id, OrderChange change) {
            throw new UnsupportedOperationException("the house gateway cannot replace orders");
        }

        @Override public List<Order> orders(OrderFilter filter) {
            List<Order> out = new ArrayList<>();
            for (ClientOrderId id : sent.keySet()) {
                order(id).filter(o -> filter.matches(o.instrument().symbol(), o.status().isOpen(), o.updatedAt()))
                        .ifPresent(out::add);
            }
            return out;
        }

        @Override public Optional<Order> order(ClientOrderId id) {
            OrderRequest r = sent.get(id);
            return r == null ? Optional.empty() : find(id).map(o -> toOrder(r, o));
        }
    }
    // README adapter end

    @Test
    void theHouseAdapterPlacesOnceEvenWhenTheFirstAnswerIsLost() throws Exception {
        Map<String, String> orders = new HashMap<>();
        AtomicInteger posts = new AtomicInteger();
        try (MockWebServer house = new MockWebServer()) {
            house.setDispatcher(new Dispatcher() {
                @Override
                public synchronized MockResponse dispatch(RecordedRequest request) {
                    String path = request.getPath();
                    if (request.getMethod().equals("POST")) {
                        String id = request.getBody().readUtf8().replaceAll(".*\"client_id\":\"([^\"]+)\".*", "$1");
                        orders.put(id, "{\"order_id\":\"H-" + posts.incrementAndGet() + "\",\"status\":\"open\"}");
                        // The house took the order but the answer never arrives.
                        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
                    }
                    if (path.equals("/positions")) {
                        return new MockResponse().setBody("[{\"symbol\":\"AAPL\",\"qty\":\"5\",\"avg_price\":"
                                + "\"150.00\",\"price\":\"151.00\"}]");
                    }
                    if (path.startsWith("/orders/")) {
                        String o = orders.get(path.substring("/orders/".length()));
                        return o == null ? new MockResponse().setResponseCode(404) : new MockResponse().setBody(o);
                    }
                    return new MockResponse().setBody("{\"id\":\"H1\",\"cash\":\"1000.00\",\"equity\":\"1200.00\"}");
                }
            });
            HouseBroker broker = new HouseBroker(house.url("/").toString(), Credentials.of("house-key", "house-s"));
            Order order = broker.submit(OrderRequest.buy(TestInstruments.aapl("HOUSE"))
                    .clientOrderId(broker.nextClientOrderId()).quantity("5").limit("150.00").build());

            assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(order.venueOrderId()).contains("H-1");
            assertThat(posts).hasValue(1);
            assertThat(broker.account().equity()).isEqualTo(Money.of("1200.00", Currency.USD));
            assertThat(broker.order(order.clientOrderId()).orElseThrow().venueOrderId()).contains("H-1");
            assertThat(broker.orders(OrderFilter.open())).hasSize(1);
            assertThat(broker.positions().get(0).unrealizedPnl()).isEqualTo(Money.of("5.00", Currency.USD));
        }
    }

    @Test
    void readmeShowsExactlyThisCode() throws Exception {
        ReadmeSnippets.assertReadmeShows("HouseBrokerExampleTest", "README adapter");
    }
}
