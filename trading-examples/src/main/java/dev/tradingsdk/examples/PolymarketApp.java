package dev.tradingsdk.examples;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.strategy.AccountStatus;
import dev.tradingsdk.core.strategy.EngineStatus;
import dev.tradingsdk.core.strategy.StrategyStatus;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.examples.cli.EngineStatusJson;
import dev.tradingsdk.examples.cli.ExampleApp;
import dev.tradingsdk.examples.cli.LoopbackApi;
import dev.tradingsdk.examples.cli.LoopbackApi.Reply;
import dev.tradingsdk.examples.cli.Option;
import dev.tradingsdk.examples.cli.ParsedOptions;
import dev.tradingsdk.examples.cli.UsageException;
import dev.tradingsdk.examples.report.HtmlReport;
import dev.tradingsdk.polymarket.arb.DepthRecording;
import dev.tradingsdk.polymarket.arb.PairCostArbitrage;
import dev.tradingsdk.polymarket.arb.PairCostConfig;
import dev.tradingsdk.polymarket.arb.PairCostStatus;
import dev.tradingsdk.polymarket.arb.PairLeg;
import dev.tradingsdk.polymarket.arb.PairPosition;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * App 2: {@link PolymarketArbExample}'s pair-cost bot behind the launcher: REPLAY over the bundled recordings
 * with a report, {@code --paper} on the live feed, and {@code --serve} for the operator API over the last run.
 */
public final class PolymarketApp implements ExampleApp {

    @Override
    public String name() {
        return "polymarket";
    }

    @Override
    public String summary() {
        return "Polymarket pair-cost bot: replay of the bundled 15-minute recordings, --paper live, --serve operator API";
    }

    @Override
    public String description() {
        return """
            The pair-cost arbitrage bot on Polymarket's 15-minute BTC up/down markets: it buys YES and NO when
            ask(YES) + ask(NO) plus fees is below 1 and holds the pair to settlement. Offline (default) it replays
            the two bundled recordings on the strategy engine (REPLAY, simulated venue) and prints its trades and
            the engine's status: the bot's risk level, shares, delta, pair cost and locked profit (the detail it
            publishes to the engine) and the account; writes polymarket.html to --out.
            --paper trades the current window's live books in a simulated venue (network, no keys) until it ends.
            --serve keeps the last replay's engine up on 127.0.0.1 with GET /api/status (the engine's status as
            JSON) and POST /api/halt, /api/resume, /api/flatten (each with "Authorization: Bearer TOKEN").""";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.flag("paper", "trade the live books of the current window in a simulated venue (needs network)"),
            Option.flag("serve", "serve the operator API on 127.0.0.1 after the replay"),
            Option.value("port", "N", "8081", "port for --serve (0 picks a free one)"),
            Option.value("token", "TOKEN", null, "bearer token for --serve (required with --serve)"),
            Option.value("serve-seconds", "N", "0", "stop serving after N seconds (0: until interrupted)"),
            Option.value("out", "DIR", "target/trading-examples/polymarket", "where the HTML report goes"));
    }

    /** One replayed window: its engine (still answering operator controls) and bot. */
    record Window(String slug, int books, TradingEngine engine, PairCostArbitrage bot) {
    }

    @Override
    public int run(ParsedOptions options, PrintStream out) throws Exception {
        if (options.flag("paper")) {
            if (options.flag("serve")) {
                throw new UsageException("polymarket: --serve runs over the replay; it cannot be combined with --paper");
            }
            PolymarketArbExample.paper(out);
            return 0;
        }
        if (options.flag("serve") && options.value("token") == null) {
            throw new UsageException("polymarket: --serve needs --token TOKEN (at least 8 characters)");
        }
        PairCostConfig config = PairCostConfig.builder().build();
        List<Window> windows = new ArrayList<>();
        for (String slug : DepthRecording.BUNDLED) {
            DepthRecording recording = DepthRecording.bundled(slug);
            PairCostArbitrage bot = PairCostArbitrage.of(recording.market(), config);
            TradingEngine engine = PolymarketArbExample.replayEngine(recording, bot, config);
            engine.run();
            out.printf("%s: %d books per leg replayed%n", slug, recording.yes().size());
            PolymarketArbExample.printTrades(out, bot.status());
            print(out, engine.status());
            windows.add(new Window(slug, recording.yes().size(), engine, bot));
        }
        Path report = report(windows).write(options.path("out").resolve("polymarket.html"));
        out.println("report: " + report.toAbsolutePath());
        boolean interrupted = false;
        if (options.flag("serve")) {
            Window last = windows.get(windows.size() - 1);
            int seconds = options.integer("serve-seconds", 0, 86_400);
            try (LoopbackApi api = LoopbackApi.start(options.integer("port", 0, 65_535), options.value("token"),
                page(), (method, path, query) -> route(last, method, path, query.getOrDefault("reason", "api")))) {
                out.println("serving the operator API of " + last.slug() + " on http://127.0.0.1:" + api.port() + "/");
                try {
                    if (seconds == 0) {
                        new CountDownLatch(1).await();
                    } else {
                        new CountDownLatch(1).await(seconds, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    // the way to stop serving from inside the JVM; restored after the engines are closed
                    interrupted = true;
                }
            }
        }
        windows.forEach(w -> w.engine().close());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Reply route(Window w, String method, String path, String reason) {
        if (method.equals("GET") && path.equals("/api/status")) {
            return Reply.ok(status(w, w.engine().status()));
        }
        if (method.equals("POST")) {
            switch (path) {
                case "/api/halt" -> w.engine().halt("api-operator", reason);
                case "/api/resume" -> w.engine().resume("api-operator", reason);
                case "/api/flatten" -> {
                    return Reply.ok(status(w, w.engine().flatten("api-operator", reason)));
                }
                default -> {
                    return Reply.error(404, "no such endpoint: POST " + path);
                }
            }
            return Reply.ok(status(w, w.engine().status()));
        }
        return Reply.error(404, "no such endpoint: " + method + " " + path);
    }

    /** What the engine's status says, for the operator: the runtime's own figures, the bot's via its detail. */
    static void print(PrintStream out, EngineStatus s) {
        out.printf("  engine %s %s, trading %s, %d events handled, %d open orders%n", s.mode(), s.state(),
            s.tradingState(), s.eventsHandled(), s.openOrders().size());
        for (StrategyStatus strategy : s.strategies()) {
            String detail = strategy.detail().map(d -> ": risk level " + d.level() + d.fields().entrySet().stream()
                .map(e -> ", " + e.getKey() + " " + e.getValue()).collect(Collectors.joining())).orElse("");
            out.printf("  strategy %s %s%s%s%n", strategy.strategyId(), strategy.state(),
                strategy.failure().map(f -> " (" + f + ")").orElse(""), detail);
        }
        for (AccountStatus a : s.accounts()) {
            out.printf("  account %s: cash %s, equity %s, realized %s, %d open positions%n", a.accountId(), a.cash(),
                a.equity(), a.realizedPnl(), a.positions().size());
        }
    }

    /** The engine's status with the window it replayed. */
    private static Map<String, Object> status(Window w, EngineStatus engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("market", w.slug());
        m.putAll(EngineStatusJson.of(engine));
        return m;
    }

    private static String page() {
        return new HtmlReport("Polymarket pair-cost bot").paragraph("Operator API: GET /api/status, POST /api/halt, "
            + "/api/resume, /api/flatten with a bearer token.").html();
    }

    private static HtmlReport report(List<Window> windows) {
        HtmlReport html = new HtmlReport("Polymarket pair-cost bot: replay of the bundled recordings");
        html.paragraph("Buys YES and NO when ask(YES) + ask(NO) plus fees is below 1 (default PairCostConfig), on the "
            + "strategy engine in REPLAY against a simulated venue with Polymarket's fees; 1,000 PUSD per window.");
        List<List<String>> rows = new ArrayList<>();
        for (Window w : windows) {
            PairCostStatus s = w.bot().status();
            PairPosition p = s.settled().isEmpty() ? s.position() : s.settled().get(s.settled().size() - 1).position();
            rows.add(List.of(w.slug(), Integer.toString(w.books()), Integer.toString(s.trades().size()),
                p.shares(PairLeg.YES).toString(), p.shares(PairLeg.NO).toString(),
                p.pairCost().map(Price::toString).orElse("-"), p.delta().toString(), p.feesPaid().toString(),
                p.lockedProfit().toString(), s.riskLevel().toString()));
        }
        html.table(List.of("window", "books per leg", "trades", "YES", "NO", "pair cost", "delta", "fees",
            "locked profit", "risk"), rows);
        html.paragraph("In both recordings the books mirror each other (ask(YES) + ask(NO) never falls below 1.000), "
            + "so the bot correctly stays flat.");
        return html;
    }
}
