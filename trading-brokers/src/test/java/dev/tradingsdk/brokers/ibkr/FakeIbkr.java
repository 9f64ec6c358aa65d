package dev.tradingsdk.brokers.ibkr;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A stateful Client Portal gateway on MockWebServer, answering with the shared vectors' bodies. Orders of 1000 or
 * more ask the {@code o163} question of the vectors first (and, with {@link #chain}, more questions after it);
 * live orders are rendered from the vectors' live-order body.
 */
final class FakeIbkr extends Dispatcher {

    static final String ACCOUNT = "U1234567";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPEN = Set.of("PreSubmitted", "Submitted", "PendingSubmit");

    final List<String> calls = new ArrayList<>();
    final List<JsonNode> orderBodies = new ArrayList<>();
    final List<JsonNode> replyBodies = new ArrayList<>();
    final Map<String, ObjectNode> liveById = new LinkedHashMap<>();
    private final Map<String, ArrayNode> pending = new HashMap<>();
    private final Set<Long> subscribed = new HashSet<>();
    private final Deque<String> faults = new ArrayDeque<>();
    boolean isPaper = true;
    /** No positions (the vectors' page 0 holds AAPL). */
    boolean flat;
    /** A replacement body for the account summary, or null for the docs example. */
    volatile String summary;
    /** Extra questions asked after the first is confirmed. */
    int chain;
    int tickles;
    private int nextId = 1000;

    synchronized void fault(String fault) {
        faults.add(fault);
    }

    synchronized ObjectNode byRef(String cOID) {
        for (ObjectNode o : liveById.values()) {
            if (cOID.equals(o.path("order_ref").asText())) {
                return o;
            }
        }
        return null;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        String call = request.getMethod() + " " + path;
        calls.add(call);
        try {
            String body = request.getBody().readUtf8();
            return switch (call) {
                case "POST /v1/api/iserver/auth/status" -> ok(Vectors.body("ibkr-session.json", "auth_status"));
                case "POST /v1/api/tickle" -> {
                    tickles++;
                    yield ok(Vectors.body("ibkr-session.json", "tickle"));
                }
                case "GET /v1/api/iserver/accounts" -> {
                    ObjectNode a = (ObjectNode) JSON.readTree(Vectors.body("ibkr-session.json", "iserver_accounts"));
                    yield ok(a.put("isPaper", isPaper).toString());
                }
                case "GET /v1/api/portfolio/accounts" -> ok(Vectors.body("ibkr-portfolio.json", "portfolio_accounts"));
                case "GET /v1/api/portfolio/U1234567/positions/0" -> ok(flat ? "[]" : Vectors.body(
                        "ibkr-portfolio.json", "positions_page0"));
                case "GET /v1/api/portfolio/U1234567/positions/1" -> ok("[]");
                case "GET /v1/api/portfolio/U1234567/ledger" -> ok(Vectors.body("ibkr-portfolio.json", "ledger"));
                case "GET /v1/api/portfolio/U1234567/summary" -> ok(summary != null ? summary
                        : Vectors.body("ibkr-portfolio.json", "summary"));
                case "POST /v1/api/iserver/account/U1234567/orders" -> place(JSON.readTree(body));
                case "GET /v1/api/iserver/account/orders" -> {
                    ObjectNode out = JSON.createObjectNode();
                    out.putArray("orders").addAll(new ArrayList<>(liveById.values()));
                    yield ok(out.put("snapshot", true).toString());
                }
                case "GET /v1/api/iserver/marketdata/snapshot" -> snapshot(request.getRequestUrl()
                        .queryParameter("conids"));
                default -> {
                    if (path.startsWith("/v1/api/iserver/reply/")) {
                        yield reply(path.substring("/v1/api/iserver/reply/".length()), JSON.readTree(body));
                    }
                    if (path.startsWith("/v1/api/iserver/account/U1234567/order/")) {
                        String id = path.substring("/v1/api/iserver/account/U1234567/order/".length());
                        yield request.getMethod().equals("DELETE") ? cancel(id) : modify(id, JSON.readTree(body));
                    }
                    yield new MockResponse().setResponseCode(404).setBody("{\"error\":\"not found\"}");
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse place(JsonNode body) {
        orderBodies.add(body);
        String fault = faults.poll();
        if ("RATE_LIMITED".equals(fault)) {
            return new MockResponse().setResponseCode(429).setBody("{\"error\":\"Too many requests\"}");
        }
        ArrayNode tickets = (ArrayNode) body.path("orders");
        if (new BigDecimal(tickets.get(0).path("quantity").asText()).compareTo(new BigDecimal("1000")) >= 0) {
            JsonNode question = Vectors.testCase("ibkr-orders.json", "order_reply_message").path("response")
                    .path("body");
            pending.put(question.get(0).path("id").asText(), tickets);
            return ok(question.toString());
        }
        String ack = accept(tickets);
        if ("TAKE_THEN_TIME_OUT".equals(fault)) {
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        if ("TAKE_THEN_500".equals(fault)) {
            return new MockResponse().setResponseCode(500).setBody("{\"error\":\"internal error\"}");
        }
        return ok(ack);
    }

    private MockResponse reply(String id, JsonNode body) {
        replyBodies.add(body);
        ArrayNode tickets = pending.remove(id);
        if (tickets == null) {
            return new MockResponse().setResponseCode(400).setBody("{\"error\":\"unknown reply id\"}");
        }
        if (!body.path("confirmed").asBoolean()) {
            return ok("[{\"status\":\"declined\"}]");
        }
        if (chain > 0) {
            chain--;
            String next = "chain-" + (++nextId);
            pending.put(next, tickets);
            return ok("[{\"id\":\"" + next + "\",\"message\":[\"Another question?\"],\"isSuppressed\":false,"
                    + "\"messageIds\":[\"o163\"]}]");
        }
        return ok(accept(tickets));
    }

    /** Takes the orders; answers the acks (the object form for one order, as the vector's reply_confirm). */
    private String accept(ArrayNode tickets) {
        ArrayNode acks = JSON.createArrayNode();
        for (JsonNode t : tickets) {
            String orderId = Integer.toString(++nextId);
            ObjectNode live = (ObjectNode) Vectors.testCase("ibkr-orders.json", "live_orders").path("response")
                    .path("body").path("orders").get(0).deepCopy();
            live.put("orderId", Long.parseLong(orderId)).put("order_ref", t.path("cOID").asText())
                    .put("conid", t.path("conid").asLong()).put("side", t.path("side").asText())
                    .put("totalSize", t.path("quantity").decimalValue()).put("filledQuantity", 0)
                    .put("remainingQuantity", t.path("quantity").decimalValue()).put("status", "Submitted")
                    .put("origOrderType", switch (t.path("orderType").asText()) {
                        case "LMT" -> "LIMIT";
                        case "STP" -> "STOP";
                        case "MKT" -> "MARKET";
                        default -> "STOP_LIMIT";
                    }).put("timeInForce", t.path("tif").asText()).remove(List.of("avgPrice", "lastExecutionTime_r"));
            if (t.has("price")) {
                live.put("price", t.path("price").asText());
            }
            if (t.path("orderType").asText().equals("MKT")) {
                // Market orders fill at once, at the vectors' average price.
                live.put("status", "Filled").put("filledQuantity", t.path("quantity").decimalValue())
                        .put("remainingQuantity", 0).put("avgPrice", "192.26");
            }
            if (t.has("auxPrice")) {
                live.put("auxPrice", t.path("auxPrice").asText());
            }
            liveById.put(orderId, live);
            ObjectNode ack = (ObjectNode) Vectors.testCase("ibkr-orders.json", "reply_confirm").path("response")
                    .path("body").deepCopy();
            acks.add(ack.put("order_id", orderId));
        }
        return acks.size() == 1 ? acks.get(0).toString() : acks.toString();
    }

    private MockResponse cancel(String id) {
        ObjectNode o = liveById.get(id);
        if (o == null) {
            return ok("{\"error\":\"OrderID " + id + " doesn't exist\"}");
        }
        o.put("status", "Cancelled");
        ObjectNode ack = (ObjectNode) Vectors.testCase("ibkr-orders.json", "cancel_order").path("response")
                .path("body").deepCopy();
        return ok(ack.put("order_id", Long.parseLong(id)).put("account", ACCOUNT).toString());
    }

    private MockResponse modify(String id, JsonNode ticket) {
        ObjectNode o = liveById.get(id);
        if (o == null || !OPEN.contains(o.path("status").asText())) {
            return ok("{\"error\":\"order " + id + " cannot be modified\"}");
        }
        o.put("totalSize", ticket.path("quantity").decimalValue());
        if (ticket.has("price")) {
            o.put("price", ticket.path("price").asText());
        }
        ObjectNode ack = (ObjectNode) Vectors.testCase("ibkr-orders.json", "modify_order").path("response")
                .path("body").deepCopy();
        return ok(ack.put("order_id", id).toString());
    }

    private MockResponse snapshot(String conids) {
        long conid = Long.parseLong(conids);
        if (subscribed.add(conid)) {
            return ok(Vectors.body("ibkr-marketdata.json", "preflight"));
        }
        return ok(Vectors.body("ibkr-marketdata.json", "snapshot"));
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}
