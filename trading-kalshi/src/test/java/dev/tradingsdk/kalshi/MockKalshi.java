package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.http.TimeSource;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A loopback Kalshi: scripted answers per "METHOD /path" (without query), every request recorded. */
final class MockKalshi implements AutoCloseable {

    static final String ROOT = "/trade-api/v2";

    final MockWebServer server = new MockWebServer();
    private final Map<String, Deque<MockResponse>> scripted = new HashMap<>();
    private final Map<String, MockResponse> standing = new HashMap<>();
    final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    MockKalshi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String key = request.getMethod() + " " + request.getRequestUrl().encodedPath().substring(ROOT.length());
                synchronized (scripted) {
                    Deque<MockResponse> queue = scripted.get(key);
                    if (queue != null && !queue.isEmpty()) {
                        return queue.poll();
                    }
                    MockResponse always = standing.get(key);
                    return always != null ? always : new MockResponse().setResponseCode(404)
                        .setBody("{\"code\":\"not_found\",\"message\":\"no script for " + key + "\"}");
                }
            }
        });
        server.start();
    }

    String baseUrl() {
        return server.url(ROOT).toString();
    }

    /** Answers the next call to {@code key} with {@code response} (in order of calls to this method). */
    MockKalshi then(String key, MockResponse response) {
        synchronized (scripted) {
            scripted.computeIfAbsent(key, k -> new ArrayDeque<>()).add(response);
        }
        return this;
    }

    MockKalshi then(String key, int status, String body) {
        return then(key, new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
            .setBody(body));
    }

    /** Answers every call to {@code key} not otherwise scripted. */
    MockKalshi always(String key, String body) {
        synchronized (scripted) {
            standing.put(key, new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
        }
        return this;
    }

    List<String> calls() {
        synchronized (requests) {
            return requests.stream().map(r -> r.getMethod() + " " + r.getRequestUrl().encodedPath()
                .substring(ROOT.length())).toList();
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    /** Time that only moves when something sleeps; every sleep is recorded. */
    static final class FakeTime implements TimeSource {
        private long nanos = 1_000_000_000L;
        final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public synchronized long nanoTime() {
            return nanos;
        }

        @Override
        public synchronized long currentTimeMillis() {
            return nanos / 1_000_000L;
        }

        @Override
        public synchronized void sleepNanos(long n) {
            if (n > 0) {
                sleeps.add(n);
                nanos += n;
            }
        }
    }
}
