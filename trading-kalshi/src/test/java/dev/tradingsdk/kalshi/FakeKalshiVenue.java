package dev.tradingsdk.kalshi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stateful loopback Kalshi for gateway tests: V2 creates rest (GTC) or fill completely at their price (IOC/FOK),
 * cancels answer with the resting size, fills are listed by ticker, a reused client order id gets 409. Answers use
 * the documented V2 shapes.
 */
final class FakeKalshiVenue implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    private final Map<String, JsonNode> ordersById = new LinkedHashMap<>();
    private final Map<String, String> idsByClientId = new HashMap<>();
    private final Map<String, Boolean> resting = new HashMap<>();
    private final List<String> fills = new ArrayList<>();
    private final List<String> createBodies = new ArrayList<>();
    private final List<String> fillQueries = new ArrayList<>();

    FakeKalshiVenue() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (FakeKalshiVenue.this) {
                    return answer(request);
                }
            }
        });
        server.start();
    }

    String baseUrl() {
        return server.url(MockKalshi.ROOT).toString();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath().substring(MockKalshi.ROOT.length());
        String key = request.getMethod() + " " + path;
        if (key.equals("POST /portfolio/events/orders")) {
            String text = request.getBody().readUtf8();
            createBodies.add(text);
            JsonNode body = read(text);
            String clientId = body.get("client_order_id").asText();
            if (idsByClientId.containsKey(clientId)) {
                return json(409,
                        "{\"code\":\"duplicate_client_order_id\",\"message\":\"order with this client order id exists\"}");
            }
            String id = UUID.nameUUIDFromBytes(clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
            idsByClientId.put(clientId, id);
            ordersById.put(id, body);
            String count = body.get("count").asText();
            if (body.get("time_in_force").asText().equals("good_till_canceled")) {
                resting.put(id, true);
                return json(201, "{\"order_id\":\"" + id + "\",\"client_order_id\":\"" + clientId
                        + "\",\"fill_count\":\"0.00\",\"remaining_count\":\"" + count + "\",\"ts_ms\":1715793600123}");
            }
            boolean bid = body.get("side").asText().equals("bid");
            fills.add("{\"fill_id\":\"f-" + id + "\",\"trade_id\":\"t-" + id + "\",\"order_id\":\"" + id
                    + "\",\"ticker\":\"" + body.get("ticker").asText() + "\",\"outcome_side\":\"" + (bid ? "yes" : "no")
                    + "\",\"book_side\":\"" + (bid ? "bid" : "ask") + "\",\"exchange_index\":0,\"count_fp\":\"" + count
                    + "\",\"yes_price_dollars\":\"0.4400\",\"is_taker\":true,\"fee_cost\":\"0.0200\","
                    + "\"created_time\":\"2026-05-04T18:22:41.503Z\"}");
            return json(201, "{\"order_id\":\"" + id + "\",\"client_order_id\":\"" + clientId + "\",\"fill_count\":\""
                    + count + "\",\"remaining_count\":\"0.00\",\"average_fill_price\":\"0.4400\","
                    + "\"average_fee_paid\":\"0.0020\",\"ts_ms\":1715793600456}");
        }
        if (request.getMethod().equals("DELETE") && path.startsWith("/portfolio/events/orders/")) {
            String id = path.substring("/portfolio/events/orders/".length());
            if (!Boolean.TRUE.equals(resting.get(id))) {
                return json(404, "{\"code\":\"not_found\",\"message\":\"order not found\"}");
            }
            resting.put(id, false);
            return json(200, "{\"order_id\":\"" + id + "\",\"reduced_by\":\"" + ordersById.get(id).get("count").asText()
                    + "\",\"ts_ms\":1715793660456}");
        }
        if (key.equals("GET /portfolio/fills")) {
            fillQueries.add(String.valueOf(request.getRequestUrl().queryParameter("order_id")));
            return json(200, "{\"fills\":[" + String.join(",", fills) + "],\"cursor\":\"\"}");
        }
        if (key.equals("GET /portfolio/positions")) {
            return json(200, "{\"market_positions\":[],\"event_positions\":[],\"cursor\":\"\"}");
        }
        return json(404, "{\"code\":\"not_found\",\"message\":\"no route " + key + "\"}");
    }

    synchronized List<String> createBodies() {
        return List.copyOf(createBodies);
    }

    /** The order_id filter of each fills read, in order. */
    synchronized List<String> fillQueries() {
        return List.copyOf(fillQueries);
    }

    synchronized int ordersReceived() {
        return ordersById.size();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static JsonNode read(String text) {
        try {
            return Vectors.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
