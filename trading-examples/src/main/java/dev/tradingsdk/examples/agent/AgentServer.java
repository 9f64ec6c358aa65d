package dev.tradingsdk.examples.agent;

import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.examples.cli.EngineStatusJson;
import dev.tradingsdk.examples.cli.LoopbackApi;
import dev.tradingsdk.examples.cli.LoopbackApi.Reply;
import dev.tradingsdk.llm.agent.AgentMode;
import dev.tradingsdk.llm.agent.Proposal;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent backend's endpoints on a {@link LoopbackApi} and its approvals page: the page holds no data and reads
 * the bearer token from its URL fragment, which browsers never send to the server.
 */
final class AgentServer {

    private final OptionsAgentApp.Backend backend;

    private AgentServer(OptionsAgentApp.Backend backend) {
        this.backend = backend;
    }

    static LoopbackApi start(OptionsAgentApp.Backend backend, int port, String token) throws IOException {
        AgentServer routes = new AgentServer(backend);
        return LoopbackApi.start(port, token, page(), routes::route);
    }

    private Reply route(String method, String path, Map<String, String> query) {
        synchronized (backend) {
            if (method.equals("GET") && path.equals("/api/status")) {
                return Reply.ok(status());
            }
            if (method.equals("GET") && path.equals("/api/proposals")) {
                return Reply.ok(proposals());
            }
            if (method.equals("POST") && path.matches("/api/proposals/[^/]+/(approve|reject)")) {
                String[] parts = path.split("/");
                return decide(parts[3], parts[4], query.getOrDefault("reason", "rejected on the approvals page"));
            }
            if (method.equals("POST") && path.equals("/api/mode")) {
                return mode(query.getOrDefault("tenant", ""), query.getOrDefault("mode", ""));
            }
            if (method.equals("POST") && path.equals("/api/halt")) {
                backend.halt("api-operator", query.getOrDefault("reason", "emergency halt from the API"));
                return Reply.ok(status());
            }
            return Reply.error(404, "no such endpoint: " + method + " " + path);
        }
    }

    private Reply mode(String tenant, String mode) {
        TenantDesk desk = backend.desks.get(tenant);
        if (desk == null) {
            return Reply.error(404, "no tenant '" + tenant + "'");
        }
        AgentMode newMode;
        try {
            newMode = AgentMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "mode must be AUTONOMOUS or CONFIRMATION, was '" + mode + "'");
        }
        desk.agent.setMode(newMode, "api-operator", backend.clock.now());
        return Reply.ok(status());
    }

    private Reply decide(String id, String action, String reason) {
        TenantDesk desk = backend.deskOf(id);
        if (desk == null) {
            return Reply.error(404, "no proposal '" + id + "'");
        }
        Instant now = backend.clock.now();
        Proposal p;
        try {
            p = action.equals("approve") ? desk.agent.proposals().approve(id, "web-operator", now)
                : desk.agent.proposals().reject(id, "web-operator", reason, now);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Reply.error(409, String.valueOf(e.getMessage()));
        }
        // Approved orders are released at the agent's next cycle: run it now, through the tenant's governor.
        List<String> executed = p.status() == Proposal.Status.APPROVED ? desk.cycle(now) : List.of();
        Map<String, Object> body = proposal(desk.agent.proposals().proposal(id).orElse(p));
        body.put("executed", executed);
        return Reply.ok(body);
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
            t.put("greeks", EngineStatusJson.greeks(d.greeks(backend.clock.now())));
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
            function cell(row, text) { const td = document.createElement('td'); td.textContent = text;
                    row.appendChild(td); return td; }
            function act(id, action) {
              api('POST', '/api/proposals/' + encodeURIComponent(id) + '/' + action)
                .then(p => { document.getElementById('message').textContent = p.id + ': ' + p.status; refresh(); })
                .catch(e => { document.getElementById('message').textContent = 'error: ' + e.message; });
            }
            function refresh() {
              api('GET', '/api/status').then(s => {
                document.getElementById('status').textContent = (s.halted ? 'HALTED. ' : '') + s.tenants.map(t =>
                  t.tenant + ': ' + t.mode + ', ' + t.state + ', equity ' + t.equity + ', fills ' + t.fills
                  + ', pending ' + t.pending + ', denials ' + t.denials.length + t.greeks.map(g => ', ' + g.underlying
                  + ' net delta ' + g.netDelta.toFixed(2) + ', gamma ' + g.gamma.toFixed(4) + ', vega '
                  + g.vega.toFixed(0) + ', theta ' + g.theta.toFixed(0)).join('')).join(' | ');
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

}
