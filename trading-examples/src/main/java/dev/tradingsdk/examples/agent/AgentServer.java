package dev.tradingsdk.examples.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.llm.agent.AgentMode;
import dev.tradingsdk.llm.agent.Proposal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The agent backend's loopback HTTP API (JDK's built-in server) and its approvals page. Every {@code /api} call
 * needs {@code Authorization: Bearer TOKEN}; the page itself holds no data and reads the token from its URL
 * fragment, which browsers never send to the server. Requests are handled one at a time (one thread), so the
 * backend sees operator actions in order.
 */
final class AgentServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final OptionsAgentApp.Backend backend;
    private final byte[] token;

    private AgentServer(HttpServer server, ExecutorService executor, OptionsAgentApp.Backend backend, String token) {
        this.server = server;
        this.executor = executor;
        this.backend = backend;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    static AgentServer start(OptionsAgentApp.Backend backend, int port, String token) throws IOException {
        if (token.length() < 8) {
            throw new IllegalArgumentException("the bearer token must have at least 8 characters");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "options-agent-http");
            t.setDaemon(true);
            return t;
        });
        AgentServer s = new AgentServer(http, executor, backend, token);
        http.setExecutor(executor);
        http.createContext("/", s::handle);
        http.start();
        return s;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", page().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!path.startsWith("/api/")) {
                json(exchange, 404, Map.of("error", "no such page: " + path));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), token)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                json(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            drain(exchange.getRequestBody());
            synchronized (backend) {
                route(exchange, method, path);
            }
        } catch (RuntimeException e) {
            json(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (method.equals("GET") && path.equals("/api/status")) {
            json(exchange, 200, status());
        } else if (method.equals("GET") && path.equals("/api/proposals")) {
            json(exchange, 200, proposals());
        } else if (method.equals("POST") && path.matches("/api/proposals/[^/]+/(approve|reject)")) {
            String[] parts = path.split("/");
            decide(exchange, parts[3], parts[4], query.getOrDefault("reason", "rejected on the approvals page"));
        } else if (method.equals("POST") && path.equals("/api/mode")) {
            OptionsAgentApp.Backend b = backend;
            TenantDesk desk = b.desks.get(query.getOrDefault("tenant", ""));
            AgentMode mode;
            try {
                mode = AgentMode.valueOf(query.getOrDefault("mode", ""));
            } catch (IllegalArgumentException e) {
                json(exchange, 400, Map.of("error", "mode must be AUTONOMOUS or CONFIRMATION, was '"
                    + query.getOrDefault("mode", "") + "'"));
                return;
            }
            if (desk == null) {
                json(exchange, 404, Map.of("error", "no tenant '" + query.getOrDefault("tenant", "") + "'"));
                return;
            }
            desk.agent.setMode(mode, "api-operator", b.clock.now());
            json(exchange, 200, status());
        } else if (method.equals("POST") && path.equals("/api/halt")) {
            backend.halt("api-operator", query.getOrDefault("reason", "emergency halt from the API"));
            json(exchange, 200, status());
        } else {
            json(exchange, 404, Map.of("error", "no such endpoint: " + method + " " + path));
        }
    }

    private void decide(HttpExchange exchange, String id, String action, String reason) throws IOException {
        TenantDesk desk = backend.deskOf(id);
        if (desk == null) {
            json(exchange, 404, Map.of("error", "no proposal '" + id + "'"));
            return;
        }
        Instant now = backend.clock.now();
        Proposal p;
        try {
            p = action.equals("approve") ? desk.agent.proposals().approve(id, "web-operator", now)
                : desk.agent.proposals().reject(id, "web-operator", reason, now);
        } catch (IllegalStateException | IllegalArgumentException e) {
            json(exchange, 409, Map.of("error", String.valueOf(e.getMessage())));
            return;
        }
        List<String> executed = p.status() == Proposal.Status.APPROVED ? desk.cycle(now) : List.of();
        Map<String, Object> body = proposal(desk.agent.proposals().proposal(id).orElse(p));
        body.put("executed", executed);
        json(exchange, 200, body);
    }

    private Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("time", backend.clock.now().toString());
        s.put("halted", backend.halted.get());
        List<Map<String, Object>> tenants = new ArrayList<>();
        for (TenantDesk d : backend.desks.values()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tenant", d.tenant);
            t.put("mode", d.agent.mode().toString());
            t.put("state", d.governor.state(d.tenant).toString());
            t.put("equity", Amounts.money(d.account.equity()));
            t.put("fills", d.fills().size());
            t.put("denials", d.denials());
            t.put("pending", d.agent.proposals().pending().size());
            tenants.add(t);
        }
        s.put("tenants", tenants);
        return s;
    }

    private List<Map<String, Object>> proposals() {
        List<Map<String, Object>> list = new ArrayList<>();
        backend.proposals().forEach(p -> list.add(proposal(p)));
        return list;
    }

    private static Map<String, Object> proposal(Proposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("tenant", p.tenant());
        m.put("status", p.status().toString());
        m.put("decision", p.decision());
        m.put("reason", p.reason());
        m.put("expiresAt", p.expiresAt().toString());
        return m;
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

    private static void drain(InputStream in) throws IOException {
        in.readNBytes(64 * 1024);
    }

    private static void json(HttpExchange exchange, int code, Object body) throws IOException {
        send(exchange, code, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The approvals page: a proposals table with approve/reject buttons and a status panel, refreshed every 2 s. */
    static String page() {
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Options agent: approvals</title>
            <style>
            body{font-family:sans-serif;margin:24px}table{border-collapse:collapse}th,td{border:1px solid #ccc;
            padding:4px 8px;font-size:13px}th{background:#f0f0f0}#status{background:#f6f6f6;padding:8px;margin:12px 0}
            button{margin-right:4px}.error{color:#b00}
            </style>
            </head>
            <body>
            <h1>Options agent: approvals</h1>
            <div id="status">loading...</div>
            <p id="message"></p>
            <table id="proposals"><thead><tr><th>proposal</th><th>tenant</th><th>status</th><th>decision</th>
            <th>reason</th><th>action</th></tr></thead><tbody></tbody></table>
            <script>
            const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
            function api(method, path) {
              return fetch(path, {method: method, headers: {'Authorization': 'Bearer ' + token}})
                .then(r => r.json().then(body => { if (!r.ok) { throw new Error(body.error || r.status); } return body; }));
            }
            function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
            function act(id, action) {
              api('POST', '/api/proposals/' + encodeURIComponent(id) + '/' + action)
                .then(p => { document.getElementById('message').textContent = p.id + ': ' + p.status; refresh(); })
                .catch(e => { document.getElementById('message').textContent = 'error: ' + e.message; });
            }
            function refresh() {
              api('GET', '/api/status').then(s => {
                document.getElementById('status').textContent = (s.halted ? 'HALTED. ' : '') + s.tenants.map(t =>
                  t.tenant + ': ' + t.mode + ', ' + t.state + ', equity ' + t.equity + ', fills ' + t.fills
                  + ', pending ' + t.pending + ', denials ' + t.denials.length).join(' | ');
              }).catch(e => { document.getElementById('status').textContent = 'error: ' + e.message; });
              api('GET', '/api/proposals').then(list => {
                const body = document.querySelector('#proposals tbody');
                body.replaceChildren();
                for (const p of list) {
                  const row = document.createElement('tr');
                  row.id = 'row-' + p.id;
                  [p.id, p.tenant, p.status, p.decision, p.reason].forEach(v => cell(row, v));
                  const actions = cell(row, '');
                  if (p.status === 'PENDING') {
                    for (const action of ['approve', 'reject']) {
                      const b = document.createElement('button');
                      b.textContent = action;
                      b.id = action + '-' + p.id;
                      b.onclick = () => act(p.id, action);
                      actions.appendChild(b);
                    }
                  }
                  body.appendChild(row);
                }
                document.body.dataset.loaded = 'true';
              }).catch(e => { document.getElementById('message').textContent = 'error: ' + e.message; });
            }
            refresh();
            setInterval(refresh, 2000);
            </script>
            </body>
            </html>
            """;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
