package dev.tradingsdk.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.brokers.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A stateful Alpaca on MockWebServer: orders posted are kept and rendered from the shared vectors' order bodies
 * (only the fields the request sets change), so lookups, lists, cancels and replaces see them. Faults can be
 * queued for the next order POST.
 */
public final class FakeAlpaca extends Dispatcher {

    public static final String KEY_ID = "PKTEST1234567890";
    public static final String SECRET = "s3cr3t-alpaca-secret-value";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPEN = Set.of("new", "accepted", "held", "partially_filled", "pending_new");

    /** What the next order POST does instead of (or after) taking the order. */
    enum Fault { TAKE_THEN_TIME_OUT, TAKE_THEN_500, DROP_BEFORE_TAKING, RATE_LIMITED, UNAVAILABLE_503 }

    public final Map<String, ObjectNode> ordersById = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final String keyId;
    private final ObjectNode account;
    private final ArrayNode positions;
    /** FILL activities, oldest first. */
    private final List<ObjectNode> activities = new ArrayList<>();
    /** Whether fills move {@link #positions} and are listed as FILL activities, as at the venue. */
    private boolean booksFills;
    private String quotesBody = Vectors.body("alpaca-quotes.json", "latest_quote");
    private okhttp3.HttpUrl lastUrl;
    private Runnable afterPositionsRead;
    private boolean activitiesDown;
    private int nextId;
    int orderPosts;

    FakeAlpaca() {
        this(KEY_ID, Vectors.testCase("alpaca-positions.json", "list_positions").path("response").path("body"));
    }

    public FakeAlpaca(String keyId, JsonNode positions) {
        this.keyId = keyId;
        this.account = Vectors.file("alpaca-account.json").path("response").path("body").deepCopy();
        this.positions = (ArrayNode) positions.deepCopy();
    }

    /** Fills from now on move the positions and are listed as FILL activities (off by default: static positions). */
    synchronized FakeAlpaca booksFills() {
        this.booksFills = true;
        return this;
    }

    /**
     * Makes the account a fresh cash account (no margin multiplier) holding {@code amount}: the vector's body with
     * only its balance fields changed.
     */
    synchronized FakeAlpaca cashAccount(String amount) {
        for (String f : List.of("cash", "equity", "last_equity", "buying_power", "regt_buying_power",
                "non_marginable_buying_power", "portfolio_value")) {
            account.put(f, amount);
        }
        account.put("multiplier", "1").put("initial_margin", "0").put("maintenance_margin", "0")
                .put("long_market_value", "0").put("short_market_value", "0");
        return this;
    }

    /** The body {@code GET /v2/stocks/quotes/latest} answers. */
    synchronized void quotes(String body) {
        this.quotesBody = body;
    }

    /**
     * One execution as Alpaca lists it, rendered from the vectors' FILL activity; with {@link #booksFills()} it moves
     * the position (average cost, as Alpaca's {@code avg_entry_price}). Returns the activity.
     */
    synchronized ObjectNode execute(String symbol, String side, String qty, String price) {
        ObjectNode a = Vectors.testCase("alpaca-activities.json", "fill").path("response").path("body").get(0)
                .deepCopy();
        int n = ++nextId;
        a.put("id", String.format("20220304%09d::fill-%d", n, n)).put("symbol", symbol).put("side", side)
                .put("qty", qty).put("price", price).put("order_id", "ord-fill-" + n)
                .put("transaction_time", java.time.Instant.parse("2022-03-04T14:53:18Z").plusSeconds(n).toString())
                .put("cum_qty", qty).put("leaves_qty", "0");
        activities.add(a);
        if (booksFills) {
            move(symbol, side.equals("buy") ? new BigDecimal(qty) : new BigDecimal(qty).negate(), new BigDecimal(price));
        }
        return a;
    }

    /** Lists an activity without moving any position: a fill the positions do not show (yet). */
    synchronized void listOnly(ObjectNode activity) {
        activities.add(activity);
    }

    /** Moves the position without listing a fill: a fill the activities do not show (yet). */
    synchronized void moveOnly(String symbol, String side, String qty, String price) {
        move(symbol, side.equals("buy") ? new BigDecimal(qty) : new BigDecimal(qty).negate(), new BigDecimal(price));
    }

    private void move(String symbol, BigDecimal signed, BigDecimal price) {
        ObjectNode p = null;
        for (JsonNode n : positions) {
            if (symbol.equals(n.path("symbol").asText())) {
                p = (ObjectNode) n;
            }
        }
        BigDecimal before = p == null ? BigDecimal.ZERO : new BigDecimal(p.path("qty").asText());
        BigDecimal after = before.add(signed);
        if (after.signum() == 0) {
            positions.remove(indexOf(p));
            return;
        }
        if (p == null) {
            p = Vectors.testCase("alpaca-positions.json", "list_positions").path("response").path("body").get(0)
                    .deepCopy();
            p.remove("usd");
            p.put("symbol", symbol);
            positions.add(p);
        }
        BigDecimal avg = before.signum() == 0 || before.signum() != after.signum() ? price
                : before.signum() == signed.signum()
                ? before.multiply(new BigDecimal(p.path("avg_entry_price").asText())).add(signed.multiply(price))
                        .divide(after, 9, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                : new BigDecimal(p.path("avg_entry_price").asText());
        BigDecimal mark = new BigDecimal(p.path("current_price").asText());
        p.put("qty", after.toPlainString()).put("side", after.signum() > 0 ? "long" : "short")
                .put("avg_entry_price", avg.toPlainString())
                .put("cost_basis", avg.multiply(after).toPlainString())
                .put("market_value", mark.multiply(after).toPlainString())
                .put("unrealized_pl", mark.subtract(avg).multiply(after).toPlainString());
    }

    private int indexOf(JsonNode position) {
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i) == position) {
                return i;
            }
        }
        throw new IllegalStateException("no such position");
    }

    private MockResponse fillActivities(okhttp3.HttpUrl url) {
        boolean asc = "asc".equals(url.queryParameter("direction"));
        int size = url.queryParameter("page_size") == null ? 100 : Integer.parseInt(url.queryParameter("page_size"));
        String token = url.queryParameter("page_token");
        List<ObjectNode> ordered = new ArrayList<>(activities);
        if (!asc) {
            java.util.Collections.reverse(ordered);
        }
        int from = 0;
        if (token != null) {
            from = -1;
            for (int i = 0; i < ordered.size(); i++) {
                if (token.equals(ordered.get(i).path("id").asText())) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                return json(422, "{\"code\":42210000,\"message\":\"invalid page_token\"}");
            }
        }
        ArrayNode out = JSON.createArrayNode();
        ordered.subList(from, Math.min(ordered.size(), from + size)).forEach(out::add);
        return json(200, out.toString());
    }

    /** Runs {@code action} once, right after the next {@code GET /v2/positions} is answered. */
    synchronized void afterPositionsRead(Runnable action) {
        this.afterPositionsRead = action;
    }

    /** Whether the activities endpoint answers 503. */
    synchronized void activitiesDown(boolean down) {
        this.activitiesDown = down;
    }

    /** The URL of the last request served. */
    synchronized okhttp3.HttpUrl lastUrl() {
        return lastUrl;
    }

    synchronized void fault(Fault fault) {
        faults.add(fault);
    }

    synchronized ObjectNode byClientId(String clientId) {
        for (ObjectNode o : ordersById.values()) {
            if (clientId.equals(o.path("client_order_id").asText())) {
                return o;
            }
            for (JsonNode leg : o.path("legs")) {
                if (clientId.equals(leg.path("client_order_id").asText())) {
                    return (ObjectNode) leg;
                }
            }
        }
        return null;
    }

    /** Fills an order completely at {@code price}, like the venue would. */
    public synchronized void fill(String clientId, String price) {
        ObjectNode o = byClientId(clientId);
        o.put("status", "filled").put("filled_qty", o.path("qty").asText()).put("filled_avg_price", price);
        if (booksFills) {
            execute(o.path("symbol").asText(), o.path("side").asText(), o.path("qty").asText(), price);
        }
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        String call = request.getMethod() + " " + path;
        calls.add(call);
        lastUrl = request.getRequestUrl();
        if (!keyId.equals(request.getHeader("APCA-API-KEY-ID"))
                || !SECRET.equals(request.getHeader("APCA-API-SECRET-KEY"))) {
            return json(401, Vectors.body("alpaca-errors.json", "unauthorized_401"));
        }
        try {
            if (call.equals("GET /v2/account")) {
                return json(200, account.toString());
            }
            if (call.equals("GET /v2/positions")) {
                MockResponse answer = json(200, positions.toString());
                Runnable after = afterPositionsRead;
                afterPositionsRead = null;
                if (after != null) {
                    after.run();
                }
                return answer;
            }
            if (call.equals("POST /v2/orders")) {
                return post(JSON.readTree(request.getBody().readUtf8()));
            }
            if (call.equals("GET /v2/orders:by_client_order_id")) {
                ObjectNode o = byClientId(request.getRequestUrl().queryParameter("client_order_id"));
                return o == null ? notFound() : json(200, o.toString());
            }
            if (call.equals("GET /v2/orders")) {
                return list(request.getRequestUrl().queryParameter("status"));
            }
            if (path.startsWith("/v2/orders/") && request.getMethod().equals("DELETE")) {
                return cancel(path.substring("/v2/orders/".length()));
            }
            if (path.startsWith("/v2/orders/") && request.getMethod().equals("PATCH")) {
                return replace(path.substring("/v2/orders/".length()), JSON.readTree(request.getBody().readUtf8()));
            }
            if (call.equals("GET /v2/account/activities/FILL")) {
                return activitiesDown ? json(503, "{\"message\":\"service unavailable\"}")
                        : fillActivities(request.getRequestUrl());
            }
            if (call.equals("GET /v2/stocks/quotes/latest")) {
                return json(200, quotesBody);
            }
            if (path.equals("/v2/stocks/AAPL/bars")) {
                String page = request.getRequestUrl().queryParameter("page_token");
                return json(200, page == null ? Vectors.body("alpaca-bars.json", "single_symbol")
                        : Vectors.body("alpaca-bars.json", "empty_last_page"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return notFound();
    }

    private MockResponse post(JsonNode body) {
        orderPosts++;
        Fault fault = faults.poll();
        if (fault == Fault.DROP_BEFORE_TAKING) {
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        if (fault == Fault.RATE_LIMITED) {
            return json(429, "{\"code\":42910000,\"message\":\"rate limit exceeded\"}").addHeader("Retry-After", "3");
        }
        if (fault == Fault.UNAVAILABLE_503) {
            return json(503, "{\"message\":\"service unavailable\"}");
        }
        String clientId = body.path("client_order_id").asText();
        if (byClientId(clientId) != null) {
            return json(422, "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}");
        }
        if (body.path("side").asText().equals("sell") && new BigDecimal(body.path("qty").asText())
                .compareTo(new BigDecimal("1000")) >= 0) {
            return json(403, Vectors.body("alpaca-errors.json", "insufficient_qty_403"));
        }
        ObjectNode order = render(body);
        if (body.path("type").asText().equals("market")) {
            // Market orders fill at once.
            order.put("status", "filled").put("filled_qty", body.path("qty").asText())
                    .put("filled_avg_price", "150.02");
            if (booksFills) {
                execute(body.path("symbol").asText(), body.path("side").asText(), body.path("qty").asText(), "150.02");
            }
        }
        ordersById.put(order.path("id").asText(), order);
        if (fault == Fault.TAKE_THEN_TIME_OUT) {
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        if (fault == Fault.TAKE_THEN_500) {
            return json(500, "{\"message\":\"internal server error\"}");
        }
        return json(200, order.toString());
    }

    private ObjectNode render(JsonNode body) {
        boolean bracket = "bracket".equals(body.path("order_class").asText());
        ObjectNode template = (ObjectNode) (bracket ? Vectors.testCase("alpaca-orders.json", "bracket_order")
                : Vectors.testCase("alpaca-orders.json", "market_order")).path("response").path("body").deepCopy();
        ObjectNode order = base(template, body.path("client_order_id").asText(), body);
        order.put("order_class", bracket ? "bracket" : "simple");
        order.put("status", "new");
        if (bracket) {
            ArrayNode legs = (ArrayNode) order.path("legs");
            ObjectNode tp = (ObjectNode) legs.get(0);
            ObjectNode sl = (ObjectNode) legs.get(1);
            String side = body.path("side").asText().equals("buy") ? "sell" : "buy";
            for (ObjectNode leg : List.of(tp, sl)) {
                leg.put("id", "leg-" + (++nextId));
                leg.put("client_order_id", "alpacaleg" + nextId);
                leg.put("symbol", body.path("symbol").asText()).put("qty", body.path("qty").asText())
                        .put("side", side).put("status", "held");
            }
            tp.put("limit_price", body.path("take_profit").path("limit_price").asText());
            JsonNode stop = body.path("stop_loss");
            sl.put("stop_price", stop.path("stop_price").asText());
            if (stop.has("limit_price")) {
                sl.put("limit_price", stop.path("limit_price").asText()).put("type", "stop_limit");
            } else {
                sl.putNull("limit_price").put("type", "stop");
            }
        }
        return order;
    }

    private ObjectNode base(ObjectNode template, String clientId, JsonNode body) {
        template.put("id", "ord-" + (++nextId));
        template.put("client_order_id", clientId);
        template.put("symbol", body.path("symbol").asText());
        template.put("qty", body.path("qty").asText());
        template.put("side", body.path("side").asText());
        template.put("type", body.path("type").asText()).put("order_type", body.path("type").asText());
        template.put("time_in_force", body.path("time_in_force").asText());
        template.put("filled_qty", "0").putNull("filled_avg_price");
        for (String f : List.of("limit_price", "stop_price")) {
            if (body.has(f)) {
                template.put(f, body.path(f).asText());
            } else {
                template.putNull(f);
            }
        }
        return template;
    }

    private MockResponse list(String status) {
        ArrayNode out = JSON.createArrayNode();
        List<ObjectNode> all = new ArrayList<>(ordersById.values());
        java.util.Collections.reverse(all);
        for (ObjectNode o : all) {
            boolean open = OPEN.contains(o.path("status").asText());
            if ("all".equals(status) || ("open".equals(status) == open)) {
                out.add(o);
            }
        }
        return json(200, out.toString());
    }

    private MockResponse cancel(String id) {
        ObjectNode o = ordersById.get(id);
        if (o == null) {
            return notFound();
        }
        if (!OPEN.contains(o.path("status").asText())) {
            return json(422, "{\"code\":42210000,\"message\":\"order is not cancelable\"}");
        }
        o.put("status", "canceled");
        for (JsonNode leg : o.path("legs")) {
            ((ObjectNode) leg).put("status", "canceled");
        }
        return new MockResponse().setResponseCode(204);
    }

    private MockResponse replace(String id, JsonNode patch) {
        ObjectNode old = ordersById.get(id);
        if (old == null) {
            return notFound();
        }
        ObjectNode merged = old.deepCopy();
        patch.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        ObjectNode order = base(old.deepCopy(), patch.path("client_order_id").asText(), merged);
        order.put("status", "new").put("replaces", id);
        old.put("status", "replaced").put("replaced_by", order.path("id").asText());
        ordersById.put(order.path("id").asText(), order);
        return json(200, order.toString());
    }

    private static MockResponse notFound() {
        return json(404, Vectors.body("alpaca-errors.json", "order_not_found_404"));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
