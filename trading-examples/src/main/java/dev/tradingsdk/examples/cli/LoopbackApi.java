package dev.tradingsdk.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small operator API on loopback (JDK's built-in HTTP server): {@code GET /} serves one HTML page, every
 * {@code /api/...} call needs {@code Authorization: Bearer TOKEN} (compared in constant time) and answers JSON.
 * One thread handles the requests in order, so the app sees operator actions one at a time.
 */
public final class LoopbackApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON answer: HTTP status and a body Jackson can write (maps, lists, strings, numbers). */
    public record Reply(int code, Object body) {

        public static Reply ok(Object body) {
            return new Reply(200, body);
        }

        public static Reply error(int code, String message) {
            return new Reply(code, Map.of("error", message));
        }
    }

    /** The app's endpoints under {@code /api/}; unknown ones answer {@link Reply#error} 404. */
    @FunctionalInterface
    public interface Routes {
        Reply handle(String method, String path, Map<String, String> query);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] expected;
    private final byte[] page;
    private final Routes routes;

    private LoopbackApi(HttpServer server, ExecutorService executor, String token, String page, Routes routes) {
        this.server = server;
        this.executor = executor;
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.page = page.getBytes(StandardCharsets.UTF_8);
        this.routes = routes;
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static LoopbackApi start(int port, String token, String page, Routes routes) throws IOException {
        Objects.requireNonNull(token, "token");
        if (token.length() < 8) {
            throw new IllegalArgumentException("the bearer token must have at least 8 characters");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loopback-api");
            t.setDaemon(true);
            return t;
        });
        LoopbackApi api = new LoopbackApi(http, executor, token, page, routes);
        http.setExecutor(executor);
        http.createContext("/", api::handle);
        http.start();
        return api;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            exchange.getRequestBody().readNBytes(64 * 1024);
            if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", page);
                return;
            }
            if (!path.startsWith("/api/")) {
                json(exchange, Reply.error(404, "no such page: " + path));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), expected)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                json(exchange, Reply.error(401, "missing or wrong bearer token"));
                return;
            }
            Reply reply;
            try {
                reply = routes.handle(method, path, query(exchange.getRequestURI().getRawQuery()));
            } catch (IllegalStateException e) {
                // the app refused the action in its current state (a stopped engine cannot flatten)
                reply = Reply.error(409, String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                reply = Reply.error(500, String.valueOf(e.getMessage()));
            }
            json(exchange, reply);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void json(HttpExchange exchange, Reply reply) throws IOException {
        send(exchange, reply.code(), "application/json", JSON.writeValueAsBytes(reply.body()));
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
