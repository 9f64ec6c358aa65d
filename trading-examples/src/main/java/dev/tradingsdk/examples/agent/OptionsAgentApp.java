package dev.tradingsdk.examples.agent;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.ExerciseStyle;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.options.GreeksBook;
import dev.tradingsdk.core.options.GreeksSnapshot;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.MarketHoursRule;
import dev.tradingsdk.core.risk.rules.MaxDailyLossRule;
import dev.tradingsdk.core.risk.rules.MaxNetDeltaRule;
import dev.tradingsdk.core.risk.rules.SpreadGuardRule;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.core.time.TradingCalendar;
import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.examples.cli.ExampleApp;
import dev.tradingsdk.examples.cli.LoopbackApi;
import dev.tradingsdk.examples.cli.Option;
import dev.tradingsdk.examples.cli.ParsedOptions;
import dev.tradingsdk.examples.report.HtmlReport;
import dev.tradingsdk.llm.agent.AgentControls;
import dev.tradingsdk.llm.agent.AgentMode;
import dev.tradingsdk.llm.agent.ApprovalCheck;
import dev.tradingsdk.llm.agent.AuditEntry;
import dev.tradingsdk.llm.agent.AuditLog;
import dev.tradingsdk.llm.agent.Proposal;
import dev.tradingsdk.llm.agent.TradingAgent;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.ScriptedLlm;
import dev.tradingsdk.llm.prompt.MarketHistory;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * App 4: the multi-tenant, risk-governed options agent backend. Two tenants each run an LLM agent on ES futures
 * options: first in CONFIRMATION mode (a person approves or rejects its proposals), then AUTONOMOUS, with each
 * tenant's governor denying what breaches net delta, daily loss, spread or market hours, a circuit breaker
 * halting a losing tenant, and the emergency halt. {@code --serve} exposes the proposals on loopback.
 *
 * <p>Tenants do not run on a {@code TradingEngine}: an agent cycle is driven by the scenario or by an approval on
 * an HTTP thread, and fills are at the touch inside {@link TenantDesk}. Their greeks are computed the way the
 * engine's {@code status()} computes an account's ({@code AccountGreeks} over the shared {@link GreeksBook}).
 */
public final class OptionsAgentApp implements ExampleApp {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final Instant START = at(9, 30);
    static final Instrument FUTURE = Instrument.builder("ESZ6", Venue.of("CME")).assetClass(AssetClass.FUTURE)
        .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.25").sizePrecision(0).multiplier("50")
        .underlying("ES").expiry(Instant.parse("2026-12-18T14:30:00Z"))
        .future(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 18)).tradableAt(START).build();
    static final Instrument CALL = option("ESZ6C5000", OptionRight.CALL);
    static final Instrument PUT = option("ESZ6P5000", OptionRight.PUT);

    private static Instrument option(String symbol, OptionRight right) {
        return Instrument.builder(symbol, Venue.of("CME")).assetClass(AssetClass.OPTION).quoteCurrency(Currency.USD)
            .pricePrecision(2).tickSize("0.05").sizePrecision(0).multiplier("50").expiry(FUTURE.expiryOrNull())
            .option(FUTURE, right, "5000").strikeIncrement("5").exerciseStyle(ExerciseStyle.AMERICAN)
            .tradableAt(START).build();
    }

    static Instant at(int hour, int minute) {
        return ZonedDateTime.of(DAY, LocalTime.of(hour, minute), NEW_YORK).toInstant();
    }

    @Override
    public String name() {
        return "options-agent";
    }

    @Override
    public String summary() {
        return "risk-governed options agent: two tenants, approvals then autonomy, governor denials, halt; --serve";
    }

    @Override
    public String description() {
        return """
            Two tenants (alpha, beta) each run an LLM agent on ES futures and 5000-strike options (Black-76 deltas,
            20 % volatility) with their own account of 1,000,000.00 USD and their own risk governor: net delta
            within 300 ES, daily loss 15,000.00 USD, spread 200 bp, New York market hours 09:30-16:00, and a circuit
            breaker after a closed round trip losing over 1,000.00 USD. The agents first run in CONFIRMATION
            mode (an operator approves or rejects their proposals), then AUTONOMOUS; the run ends with the
            emergency halt. The summary, the report and GET /api/status show each tenant's greeks on ES (net
            delta, gamma, vega, theta of its positions at the latest quotes). Offline the agents are scripted
            models; quotes are a scripted session (no options data is bundled). Writes options-agent.html and the
            durable audit journal to --out.
            --serve stops after the proposals are made and serves on loopback: GET / (the approvals page),
            GET /api/status, GET /api/proposals, POST /api/proposals/{id}/approve, POST /api/proposals/{id}/reject,
            POST /api/mode?tenant=T&mode=AUTONOMOUS|CONFIRMATION, POST /api/halt, each /api call with
            "Authorization: Bearer TOKEN". Open the printed URL (the token is in its #fragment).""";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.flag("serve", "serve the approvals page and API on 127.0.0.1 after the proposals are made"),
            Option.value("port", "N", "8080", "port for --serve (0 picks a free one)"),
            Option.value("token", "TOKEN", null, "bearer token for --serve (default: a random one, printed once)"),
            Option.value("serve-seconds", "N", "0", "stop serving after N seconds (0: until interrupted)"),
            Option.value("out", "DIR", "target/trading-examples/options-agent", "where the report and journal go"));
    }

    /** The backend: both tenants, the shared halt switch, the audit journal and the scenario's clock. */
    static final class Backend implements AutoCloseable {
        final SimulatedClock clock = new SimulatedClock(START);
        final AtomicBoolean halted = new AtomicBoolean();
        final AuditLog audit;
        final AgentControls controls;
        final InvocationLog log = InvocationLog.inMemory();
        final Map<String, TenantDesk> desks = new LinkedHashMap<>();
        final Map<String, Deque<String>> scripts = new LinkedHashMap<>();
        final GreeksBook greeks;

        Backend(Path journal) {
            audit = AuditLog.open(journal);
            controls = new AgentControls(halted::get, audit);
            greeks = GreeksBook.builder().rate(0.05).instruments(CALL, PUT).build();
            greeks.volatility(CALL, 0.20);
            greeks.volatility(PUT, 0.20);
            for (String tenant : List.of("alpha", "beta")) {
                desks.put(tenant, desk(tenant));
            }
            market("5000.00", "114.50", "115.50", "109.50", "110.50");
        }

        private TenantDesk desk(String tenant) {
            Portfolio account = new Portfolio(tenant, Money.of("1000000.00", Currency.USD));
            // The tenant's latest top of book per instrument, read by its governor's spread and market checks.
            Map<InstrumentId, TopOfBook> books = new ConcurrentHashMap<>();
            RiskGovernor governor = RiskGovernor.builder().clock(clock)
                .rule(new MaxNetDeltaRule(new BigDecimal("300"), greeks))
                .rule(new MaxDailyLossRule(Money.of("15000", Currency.USD), NEW_YORK))
                .rule(new SpreadGuardRule(new BigDecimal("200")))
                .rule(new MarketHoursRule(TradingCalendar.builder(NEW_YORK)
                    .weekdays(LocalTime.of(9, 30), LocalTime.of(16, 0)).build()))
                .rule(new CircuitBreakerRule(1, Money.of("1000", Currency.USD)))
                .build();
            Deque<String> script = new ArrayDeque<>();
            scripts.put(tenant, script);
            ScriptedLlm model = ScriptedLlm.answering(request -> {
                String next = script.pollFirst();
                return next != null ? next : decision("HOLD", "ESZ6", null, "nothing to do");
            });
            TradingAgent agent = TradingAgent.builder(tenant, model, "options-desk")
                .mode(AgentMode.CONFIRMATION).instruments(List.of(FUTURE, CALL, PUT)).history(MarketHistory.of(List.of()))
                .controls(controls).log(log).maxPercentOfEquity(new BigDecimal("1000")).maxLeverage(10)
                .shortingAllowed(true).proposalTtl(Duration.ofHours(2))
                .approvalCheck(ApprovalCheck.of(governor, account, () -> books::get)).build();
            return new TenantDesk(tenant, account, governor, agent, audit, books, greeks);
        }

        /** New quotes for every tenant: the future at {@code future} ± 0.25, options at the given bid/ask. */
        void market(String future, String callBid, String callAsk, String putBid, String putAsk) {
            Instant now = clock.now();
            greeks.time(EpochNanos.of(now));
            greeks.price(FUTURE, FUTURE.price(future).raw());
            Quote f = new Quote(FUTURE, now, FUTURE.price(future).minus(FUTURE.price("0.25")), FUTURE.size("50"),
                FUTURE.price(future).plus(FUTURE.price("0.25")), FUTURE.size("50"));
            Quote c = new Quote(CALL, now, CALL.price(callBid), CALL.size("100"), CALL.price(callAsk), CALL.size("100"));
            Quote p = new Quote(PUT, now, PUT.price(putBid), PUT.size("100"), PUT.price(putAsk), PUT.size("100"));
            desks.values().forEach(d -> {
                d.quote(f);
                d.quote(c);
                d.quote(p);
            });
        }

        void say(String tenant, String decision) {
            scripts.get(tenant).addLast(decision);
        }

        List<String> cycle(String tenant, Instant at) {
            clock.setTime(at);
            return desks.get(tenant).cycle(at);
        }

        void halt(String operator, String why) {
            halted.set(true);
            desks.values().forEach(d -> d.governor.halt(operator, why));
            audit.append(new AuditEntry(clock.now(), "*", AuditEntry.Type.MODE_CHANGE, operator, "emergency halt: " + why));
        }

        List<Proposal> proposals() {
            List<Proposal> all = new ArrayList<>();
            desks.values().forEach(d -> all.addAll(d.agent.proposals().proposals()));
            return all;
        }

        TenantDesk deskOf(String proposalId) {
            return desks.values().stream().filter(d -> d.agent.proposals().proposal(proposalId).isPresent()).findFirst()
                .orElse(null);
        }

        @Override
        public void close() {
            audit.close();
        }
    }

    static String decision(String action, String symbol, String quantity, String why) {
        return "{\"action\":\"" + action + "\",\"symbol\":\"" + symbol + "\",\"quantity\":" + (quantity == null ? "null"
            : quantity) + ",\"percent_of_equity\":null,\"leverage\":null,\"confidence\":0.7,\"stop_loss\":null,"
            + "\"take_profit\":null,\"invalidation_condition\":null,\"reasoning\":\"" + why + "\"}";
    }

    /** The CONFIRMATION stage: each tenant's agent makes its proposals. */
    static void propose(Backend b, PrintStream out) {
        out.println("== CONFIRMATION mode: the agents propose, nothing trades yet");
        b.say("alpha", decision("BUY", "ESZ6C5000", "10", "long gamma into the data"));
        b.say("alpha", decision("SHORT", "ESZ6", "5", "hedge the calls' delta"));
        b.say("alpha", decision("BUY", "ESZ6C5000", "20", "more gamma"));
        b.say("beta", decision("BUY", "ESZ6", "4", "trend is up"));
        b.say("beta", decision("BUY", "ESZ6P5000", "10", "protection"));
        int minute = 40;
        for (String tenant : List.of("alpha", "alpha", "alpha", "beta", "beta")) {
            b.cycle(tenant, at(9, minute++));
        }
        b.proposals().forEach(p -> out.printf(Locale.ROOT, "  proposal %s (%s): %s%n", p.id(), p.status(), p.decision()));
    }

    /** The rest of the offline scenario, with a scripted operator. */
    static void scenario(Backend b, PrintStream out) {
        Instant t = at(9, 50);
        b.clock.setTime(t);
        TenantDesk alpha = b.desks.get("alpha");
        TenantDesk beta = b.desks.get("beta");
        print(out, "operator approves alpha-P1", alpha.agent.proposals().approve("alpha-P1", "olivia", t));
        print(out, "operator approves alpha-P2", alpha.agent.proposals().approve("alpha-P2", "olivia", t));
        print(out, "operator rejects alpha-P3", alpha.agent.proposals().reject("alpha-P3", "olivia", "too much delta", t));
        print(out, "operator approves beta-P1", beta.agent.proposals().approve("beta-P1", "olivia", t));
        print(out, "operator rejects beta-P2", beta.agent.proposals().reject("beta-P2", "olivia", "puts are dear", t));
        results(out, "alpha", b.cycle("alpha", at(9, 55)));
        results(out, "beta", b.cycle("beta", at(9, 56)));

        out.println("== AUTONOMOUS mode: orders go straight to each tenant's governor");
        alpha.agent.setMode(AgentMode.AUTONOMOUS, "olivia", at(10, 0));
        beta.agent.setMode(AgentMode.AUTONOMOUS, "olivia", at(10, 0));
        b.say("alpha", decision("BUY", "ESZ6C5000", "20", "more gamma"));
        results(out, "alpha", b.cycle("alpha", at(10, 5)));
        b.market("5000.00", "114.50", "115.50", "100.00", "120.00");
        b.say("alpha", decision("BUY", "ESZ6P5000", "4", "cheap wings"));
        results(out, "alpha", b.cycle("alpha", at(10, 10)));

        b.clock.setTime(at(11, 0));
        b.market("4900.00", "68.50", "69.50", "160.00", "161.00");
        out.println("  ES falls 100 points: beta's 4 long futures are down 20,000.00 USD");
        b.say("beta", decision("BUY", "ESZ6", "2", "buy the dip"));
        results(out, "beta", b.cycle("beta", at(11, 5)));
        b.say("beta", decision("SELL", "ESZ6", "2", "cut half"));
        results(out, "beta", b.cycle("beta", at(11, 10)));
        b.say("beta", decision("SELL", "ESZ6", "2", "cut the rest"));
        results(out, "beta", b.cycle("beta", at(11, 15)));
        b.say("beta", decision("BUY", "ESZ6", "1", "try again"));
        results(out, "beta", b.cycle("beta", at(11, 20)));

        b.say("alpha", decision("SHORT", "ESZ6", "1", "rebalance"));
        results(out, "alpha", b.cycle("alpha", at(16, 30)));

        out.println("== emergency halt");
        b.clock.setTime(at(16, 40));
        b.halt("olivia", "operator pressed the emergency halt");
        b.say("alpha", decision("SHORT", "ESZ6", "1", "rebalance"));
        results(out, "alpha", b.cycle("alpha", at(16, 45)));
        results(out, "beta", b.cycle("beta", at(16, 46)));
        out.printf(Locale.ROOT, "  cycles blocked by the halt (audited HALT_BLOCKED): %d%n", b.audit.entries().stream()
            .filter(e -> e.type() == AuditEntry.Type.HALT_BLOCKED).count());
    }

    private static void print(PrintStream out, String what, Proposal p) {
        out.printf(Locale.ROOT, "  %s -> %s %s%n", what, p.status(), p.reason());
    }

    private static void results(PrintStream out, String tenant, List<String> results) {
        results.forEach(r -> out.printf(Locale.ROOT, "  %s: %s%n", tenant, r));
    }

    @Override
    public int run(ParsedOptions options, PrintStream out) throws Exception {
        Path dir = options.path("out");
        Files.createDirectories(dir);
        Path journal = Files.createTempDirectory(dir, "audit-");
        boolean interrupted = false;
        try (Backend b = new Backend(journal)) {
            propose(b, out);
            if (options.flag("serve")) {
                String token = options.value("token") != null ? options.value("token") : randomToken();
                int seconds = options.integer("serve-seconds", 0, 86_400);
                try (LoopbackApi server = AgentServer.start(b, options.integer("port", 0, 65_535), token)) {
                    out.println("journal: " + journal.toAbsolutePath());
                    out.println("serving on http://127.0.0.1:" + server.port() + "/#token=" + token);
                    CountDownLatch forever = new CountDownLatch(1);
                    try {
                        if (seconds == 0) {
                            forever.await();
                        } else {
                            forever.await(seconds, TimeUnit.SECONDS);
                        }
                    } catch (InterruptedException e) {
                        // An interrupt is the way to stop serving from inside the JVM; the flag is restored once
                        // the journal is closed (an interrupted thread cannot close a file channel cleanly).
                        interrupted = true;
                    }
                }
                out.println("stopped serving; audit journal: " + b.audit.entries().size() + " entries");
            } else {
                scenario(b, out);
                summary(b, out);
                Path report = report(b).write(dir.resolve("options-agent.html"));
                out.println("journal: " + journal.toAbsolutePath());
                out.println("report: " + report.toAbsolutePath());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void summary(Backend b, PrintStream out) {
        out.println("== summary");
        for (TenantDesk d : b.desks.values()) {
            Map<Proposal.Status, Long> byStatus = new LinkedHashMap<>();
            d.agent.proposals().proposals().forEach(p -> byStatus.merge(p.status(), 1L, Long::sum));
            out.printf(Locale.ROOT, "  %s: mode %s, state %s, equity %s, realized %s, fills %d, governor denials %d, "
                    + "proposals %s%n", d.tenant, d.agent.mode(), d.governor.state(d.tenant),
                Amounts.money(d.account.equity()), Amounts.money(d.account.realizedPnl()), d.fills().size(),
                d.denials().size(), byStatus);
            d.governor.lastChange(d.tenant).ifPresent(c -> out.printf(Locale.ROOT, "    %s halted: %s%n", d.tenant, c));
            for (GreeksSnapshot.Underlying u : d.greeks(b.clock.now()).underlyings()) {
                out.printf(Locale.ROOT, "    %s greeks on %s: %s%n", d.tenant, u.underlying(), greeks(u));
            }
        }
        out.printf(Locale.ROOT, "  audit journal: %d entries%n", b.audit.entries().size());
    }

    /** Net delta and gamma in units of the underlying, vega and theta in USD (per 1.00 of volatility, per year). */
    static String greeks(GreeksSnapshot.Underlying u) {
        return String.format(Locale.ROOT, "net delta %.4f, gamma %.6f, vega %.2f, theta %.2f%s", u.netDelta(),
            u.gamma(), u.vega(), u.theta(), u.complete() ? "" : " (incomplete: a position could not be priced)");
    }

    static HtmlReport report(Backend b) {
        HtmlReport html = new HtmlReport("Risk-governed options agent: two tenants");
        html.paragraph("ES futures and 5000-strike options, scripted session of " + DAY + " (New York); limits per "
            + "tenant: net delta 300, daily loss 15,000.00 USD, spread 200 bp, market hours 09:30-16:00, circuit "
            + "breaker after a round trip losing over 1,000.00 USD.");
        for (TenantDesk d : b.desks.values()) {
            html.heading("Tenant " + d.tenant);
            html.paragraph("mode " + d.agent.mode() + ", governor state " + d.governor.state(d.tenant) + ", equity "
                + Amounts.money(d.account.equity()) + ", realized " + Amounts.money(d.account.realizedPnl()));
            List<List<String>> greeks = new ArrayList<>();
            d.greeks(b.clock.now()).underlyings().forEach(u -> greeks.add(List.of(u.underlying(),
                String.format(Locale.ROOT, "%.4f", u.netDelta()), String.format(Locale.ROOT, "%.6f", u.gamma()),
                String.format(Locale.ROOT, "%.2f", u.vega()), String.format(Locale.ROOT, "%.2f", u.theta()),
                Boolean.toString(u.complete()))));
            html.table(List.of("underlying", "net delta", "gamma", "vega (USD)", "theta (USD/year)", "complete"),
                greeks);
            List<List<String>> rows = new ArrayList<>();
            d.agent.proposals().proposals().forEach(p -> rows.add(List.of(p.id(), p.status().toString(), p.decision(),
                p.reason())));
            html.table(List.of("proposal", "status", "decision", "reason"), rows);
            List<List<String>> fills = new ArrayList<>();
            d.fills().forEach(f -> fills.add(List.of(f.timestamp().toString(), f.side().toString(),
                f.quantity().toString(), f.instrument().symbol(), Amounts.price(f.instrument(), f.price()))));
            html.table(List.of("time", "side", "quantity", "instrument", "price"), fills);
            List<List<String>> denials = new ArrayList<>();
            d.denials().forEach(x -> denials.add(List.of(x)));
            html.table(List.of("governor denial"), denials);
        }
        html.heading("Audit journal");
        List<List<String>> rows = new ArrayList<>();
        b.audit.entries().forEach(e -> rows.add(List.of(e.time().toString(), e.tenant(), e.type().toString(), e.actor(),
            e.detail())));
        html.table(List.of("time", "tenant", "type", "actor", "detail"), rows);
        return html;
    }

}
