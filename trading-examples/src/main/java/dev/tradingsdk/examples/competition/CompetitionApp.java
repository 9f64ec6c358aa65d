package dev.tradingsdk.examples.competition;

import dev.tradingsdk.cfd.CfdEvent;
import dev.tradingsdk.cfd.CfdTerms;
import dev.tradingsdk.cfd.Competition;
import dev.tradingsdk.cfd.LeaderboardEntry;
import dev.tradingsdk.cfd.Participant;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.strategy.DecisionFunction;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.examples.cli.BundledData;
import dev.tradingsdk.examples.cli.ExampleApp;
import dev.tradingsdk.examples.cli.Option;
import dev.tradingsdk.examples.cli.ParsedOptions;
import dev.tradingsdk.examples.cli.UsageException;
import dev.tradingsdk.examples.report.HtmlReport;
import dev.tradingsdk.llm.LlmClient;
import dev.tradingsdk.llm.Usage;
import dev.tradingsdk.llm.agent.AgentControls;
import dev.tradingsdk.llm.agent.AgentMode;
import dev.tradingsdk.llm.agent.AuditLog;
import dev.tradingsdk.llm.agent.RuleBasedAgent;
import dev.tradingsdk.llm.agent.TradingAgent;
import dev.tradingsdk.llm.arena.ArenaLeaderboard;
import dev.tradingsdk.llm.arena.ArenaRow;
import dev.tradingsdk.llm.client.AnthropicClient;
import dev.tradingsdk.llm.client.OpenAiClient;
import dev.tradingsdk.llm.cost.PriceTable;
import dev.tradingsdk.llm.log.CallRecord;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.InvocationRecord;
import dev.tradingsdk.llm.prompt.CompetitionBrief;
import dev.tradingsdk.llm.prompt.MarketHistory;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * App 1, the flagship: an LLM trading competition on CFDs over real daily history of BTC, ETH, gold, EUR/USD and
 * AAPL. Participants are LLM agents ({@link TradingAgent}; offline on {@link ScriptedTraders}, with keys on real
 * models), rule-based agents and a reckless short seller the data stop out; the leaderboard adds LLM cost, return
 * net of it and an equal-weight buy-and-hold basket; the report draws every equity curve and drawdown.
 */
public final class CompetitionApp implements ExampleApp {

    static final Instrument BTC = instrument("BTCUSD", AssetClass.CRYPTO, 2, 4);
    static final Instrument ETH = instrument("ETHUSD", AssetClass.CRYPTO, 2, 4);
    static final Instrument GOLD = instrument("XAUUSD", AssetClass.COMMODITY, 2, 2);
    static final Instrument EURUSD = instrument("EURUSD", AssetClass.FX, 5, 0);
    static final Instrument AAPL = instrument("AAPL", AssetClass.EQUITY, 2, 2);
    static final List<Instrument> INSTRUMENTS = List.of(BTC, ETH, GOLD, EURUSD, AAPL);
    static final Money CAPITAL = Money.of("10000.00", Currency.USD);
    /** Retail-like costs: 5 bp commission, spreads by asset class, 5 % / 3 % a year financing long / short. */
    static final CfdTerms TERMS = CfdTerms.builder().commissionBps(5).spreadBps(AssetClass.CRYPTO, 10)
        .spreadBps(AssetClass.COMMODITY, 4).spreadBps(AssetClass.FX, 1).spreadBps(AssetClass.EQUITY, 4)
        .financingBps(500, 300).build();
    /** BTC and ETH were downloaded during 2024-05-27: that unfinished day is left out. */
    private static final Instant AS_OF = Instant.parse("2024-05-27T12:00:00Z");
    private static final LocalDate FIRST = LocalDate.of(2023, 3, 1);
    private static final LocalDate LAST = LocalDate.of(2024, 5, 24);
    /** Scripted models are priced at claude-sonnet-4-5's list rates so the cost columns show what a run costs. */
    private static final PriceTable SCRIPTED_PRICES = PriceTable.builder()
        .price("scripted", "", LocalDate.of(2023, 1, 1), "3", "15", "0.30", "3.75",
            "scripted stand-in priced at claude-sonnet-4-5 list rates").build();

    private static Instrument instrument(String symbol, AssetClass assetClass, int pricePrecision, int sizePrecision) {
        return Instrument.builder(symbol, Venue.SIM).assetClass(assetClass).quoteCurrency(Currency.USD)
            .pricePrecision(pricePrecision).sizePrecision(sizePrecision).build();
    }

    @Override
    public String name() {
        return "competition";
    }

    @Override
    public String summary() {
        return "the flagship: an LLM trading competition on BTC, ETH, gold, EUR/USD and AAPL CFDs, leaderboard and report";
    }

    @Override
    public String description() {
        return """
            LLM agents, rule-based agents and a reckless short seller compete on CFD accounts of 10,000.00 USD over
            the bundled real daily history of BTC, ETH, gold, EUR/USD and AAPL (ESMA retail leverage limits,
            max leverage 5, max position 200 % of equity, margin call 100 %, stop-out 50 %; 5 bp commission,
            spreads of 10 bp crypto, 4 bp gold and AAPL, 1 bp EUR/USD; financing 5 % long, 3 % short a year),
            invoked once per trading day. Prints progress per round, the leaderboard with tokens, LLM cost and the equal-weight
            buy-and-hold basket, and writes competition.html (equity curves, drawdowns, trades, every invocation).
            Offline the LLM agents run on scripted models that read the same prompts a real model gets (their cost
            is priced at claude-sonnet-4-5 rates). Real models join when keys are set (unless --offline):
              ANTHROPIC_API_KEY (model ANTHROPIC_MODEL, default claude-sonnet-4-5),
              OPENAI_API_KEY (model OPENAI_MODEL, default gpt-4o-mini),
              LLM_BASE_URL for a local OpenAI-compatible server such as Ollama (model LLM_MODEL, default llama3.1).
            Each real model costs about one call per trading day of the window.""";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.value("from", "DATE", "2024-01-02", "first trading day (from 2023-03-01)"),
            Option.value("to", "DATE", "2024-05-24", "last trading day (up to 2024-05-24)"),
            Option.flag("offline", "ignore API keys in the environment: scripted models only"),
            Option.value("out", "DIR", "target/trading-examples/competition", "where the HTML report goes"));
    }

    @Override
    public int run(ParsedOptions options, PrintStream out) {
        LocalDate from = date(options, "from");
        LocalDate to = date(options, "to");
        if (!from.isBefore(to)) {
            throw new UsageException("competition: --from " + from + " must be before --to " + to);
        }
        Map<String, LlmClient> real = options.flag("offline") ? Map.of() : realModels(System.getenv());
        Result result = run(from, to, real, out);
        Path report = report(result).write(options.path("out").resolve("competition.html"));
        out.println("report: " + report.toAbsolutePath());
        return 0;
    }

    private static LocalDate date(ParsedOptions options, String name) {
        String v = options.value(name);
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.isBefore(FIRST) || d.isAfter(LAST)) {
                throw new UsageException("competition: --" + name + " must be in " + FIRST + " .. " + LAST + ", was " + v);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new UsageException("competition: --" + name + " must be a date like 2024-01-02, was '" + v + "'");
        }
    }

    /** Real model clients for the keys present in {@code env}: participant name to client ("model" in the name). */
    static Map<String, LlmClient> realModels(Map<String, String> env) {
        Map<String, LlmClient> models = new LinkedHashMap<>();
        if (env.get("ANTHROPIC_API_KEY") != null) {
            models.put(env.getOrDefault("ANTHROPIC_MODEL", "claude-sonnet-4-5"), AnthropicClient.fromEnvironment());
        }
        if (env.get("OPENAI_API_KEY") != null) {
            models.put(env.getOrDefault("OPENAI_MODEL", "gpt-4o-mini"), OpenAiClient.fromEnvironment());
        }
        if (env.get("LLM_BASE_URL") != null) {
            models.put(env.getOrDefault("LLM_MODEL", "llama3.1"), OpenAiClient.compatibleFromEnvironment());
        }
        return models;
    }

    /** What a run produced: the arena leaderboard, the competition, its samples and every invocation. */
    record Result(ArenaLeaderboard board, Competition competition, List<Instant> times,
                  Map<String, List<Money>> equity, List<Money> basket, List<Trade> trades, InvocationLog log,
                  Map<String, String> models) {
    }

    /** A fill of a participant. */
    record Trade(String participant, Fill fill) {
    }

    static Result run(LocalDate from, LocalDate to, Map<String, LlmClient> realModels, PrintStream out) {
        Map<Instrument, List<Bar>> bars = new LinkedHashMap<>();
        bars.put(BTC, BundledData.bars(BarCsvReader.yahooDaily(BTC).asOf(AS_OF), null, "btc_usd_daily_yahoo.csv"));
        bars.put(ETH, BundledData.bars(BarCsvReader.yahooDaily(ETH).asOf(AS_OF), null, "eth_usd_daily_yahoo.csv"));
        bars.put(GOLD, daily(GOLD, "gold_gc_f_daily_yahoo_2023-2024.csv"));
        bars.put(EURUSD, daily(EURUSD, "eurusd_daily_yahoo_2023-2024.csv"));
        bars.put(AAPL, daily(AAPL, "aapl_daily_yahoo_2023-2024.csv"));
        NavigableMap<Instant, Map<Instrument, Price>> steps = steps(bars, from, to);
        List<Bar> all = new ArrayList<>();
        bars.values().forEach(all::addAll);
        MarketHistory history = MarketHistory.of(all);

        Instant start = steps.firstKey();
        SimulatedClock clock = new SimulatedClock(start);
        List<Trade> trades = new ArrayList<>();
        Competition competition = Competition.builder("cfd-llm-arena")
            .window(start, steps.lastKey()).initialCapital(CAPITAL).maxLeverage(5).maxPositionPercent(200)
            .allowedAssetClasses(EnumSet.of(AssetClass.CRYPTO, AssetClass.COMMODITY, AssetClass.FX, AssetClass.EQUITY))
            .invocationInterval(Duration.ofDays(1)).clock(clock).terms(TERMS)
            .eventSink(e -> {
                if (e instanceof CfdEvent.Filled f) {
                    trades.add(new Trade(f.accountId(), f.fill()));
                }
            }).build();
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        Map<String, String> models = new LinkedHashMap<>();
        Function<String, Function<Instant, CompetitionBrief>> brief = name -> at -> brief(competition, name, at);

        Map<String, LlmClient> llms = new LinkedHashMap<>();
        llms.put("trend-llm", ScriptedTraders.trend());
        llms.put("contrarian-llm", ScriptedTraders.contrarian());
        realModels.forEach((model, client) -> llms.put(model, client));
        for (Map.Entry<String, LlmClient> e : llms.entrySet()) {
            String name = e.getKey();
            boolean scripted = !realModels.containsKey(name);
            String model = scripted ? "scripted:" + name : name;
            TradingAgent agent = TradingAgent.builder(name, e.getValue(), model).mode(AgentMode.AUTONOMOUS)
                .instruments(INSTRUMENTS).history(history).controls(controls).log(log)
                .prices(scripted ? SCRIPTED_PRICES : PriceTable.defaults()).bars(20)
                .maxPercentOfEquity(new BigDecimal("40")).maxLeverage(2).shortingAllowed(true).seed(42)
                .temperature(0).competition(brief.apply(name)).build();
            competition.join(new Participant(name, agent.agentId()), agent);
            models.put(name, scripted ? "scripted (offline)" : model);
        }
        RuleBasedAgent btcTrend = new RuleBasedAgent("sma-btc", BTC, history, 10, 30, new BigDecimal("50"), log);
        competition.join(new Participant("sma-btc", btcTrend.agentId()), btcTrend);
        models.put("sma-btc", "rule: SMA 10/30 on BTC, 50 % of equity");
        RuleBasedAgent goldTrend = new RuleBasedAgent("sma-gold", GOLD, history, 10, 30, new BigDecimal("100"), log);
        competition.join(new Participant("sma-gold", goldTrend.agentId()), goldTrend);
        models.put("sma-gold", "rule: SMA 10/30 on gold, 100 % of equity");
        competition.join(new Participant("max-short-btc", "rule:max-short"), maxShort(BTC));
        models.put("max-short-btc", "rule: short BTC at the maximum size and never cover");

        Map<String, List<Money>> equity = new LinkedHashMap<>();
        models.keySet().forEach(n -> equity.put(n, new ArrayList<>(List.of(CAPITAL))));
        List<Instant> times = new ArrayList<>(List.of(start));
        List<Money> basket = new ArrayList<>(List.of(CAPITAL));
        Map<Instrument, Price> first = steps.firstEntry().getValue();
        int round = 0;
        int rounds = steps.size();
        out.printf(Locale.ROOT, "competition %s: %d participants, %d trading days %s .. %s, 10,000.00 USD each%n",
            competition.name(), models.size(), rounds, from, to);
        for (Map.Entry<Instant, Map<Instrument, Price>> step : steps.entrySet()) {
            clock.setTime(step.getKey());
            competition.onMids(step.getValue());
            round++;
            if (round > 1) {
                times.add(step.getKey());
                models.keySet().forEach(n -> equity.get(n).add(competition.account(n).equity()));
                basket.add(basketValue(first, step.getValue()));
            }
            if (round == 1 || round % 10 == 0 || round == rounds) {
                LeaderboardEntry leader = competition.leaderboard().entries().get(0);
                out.printf(Locale.ROOT, "round %3d/%d %s  invocations %4d  trades %3d  leader %s %s%n", round, rounds,
                    day(step.getKey()), competition.invocations().size(), trades.size(), leader.participant().name(),
                    Amounts.money(leader.equity()));
            }
        }
        competition.finish();
        ArenaLeaderboard.Builder board = ArenaLeaderboard.builder(CAPITAL, 252).bootstrap(500, 7);
        for (String name : models.keySet()) {
            LeaderboardEntry entry = competition.leaderboard().entry(name).orElseThrow();
            Usage tokens = Usage.ZERO;
            for (InvocationRecord r : log.records(name)) {
                for (CallRecord c : r.calls()) {
                    tokens = tokens.plus(c.usage());
                }
            }
            board.participant(name, entry.participant().agent(), equity.get(name), entry.fees(), entry.fillCount(),
                entry.winRatePercent().orElse(null), tokens.totalTokens(), TradingAgent.cost(log, name));
        }
        board.buyAndHold("buy-and-hold basket", basket.stream()
            .map(m -> Price.of(m.toBigDecimal().setScale(2, RoundingMode.HALF_EVEN).toPlainString())).toList());
        Result result = new Result(board.build(), competition, times, equity, basket, trades, log, models);
        printLeaderboard(result, out);
        return result;
    }

    private static List<Bar> daily(Instrument instrument, String file) {
        return BundledData.bars(BarCsvReader.ohlcv(instrument, Duration.ofDays(1)), null, file);
    }

    /** One step per AAPL trading day in the window, at its bar's close; each instrument at its latest close. */
    private static NavigableMap<Instant, Map<Instrument, Price>> steps(Map<Instrument, List<Bar>> bars, LocalDate from,
                                                                      LocalDate to) {
        Instant begin = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Instrument, NavigableMap<Instant, Price>> closes = new LinkedHashMap<>();
        bars.forEach((instrument, list) -> {
            NavigableMap<Instant, Price> byClose = new TreeMap<>();
            list.forEach(b -> byClose.put(b.closeTime(), b.close()));
            closes.put(instrument, byClose);
        });
        NavigableMap<Instant, Map<Instrument, Price>> steps = new TreeMap<>();
        for (Bar day : bars.get(AAPL)) {
            if (day.openTime().isBefore(begin) || day.closeTime().isAfter(end)) {
                continue;
            }
            Map<Instrument, Price> mids = new LinkedHashMap<>();
            closes.forEach((instrument, byClose) -> {
                Map.Entry<Instant, Price> latest = byClose.floorEntry(day.closeTime());
                if (latest != null) {
                    mids.put(instrument, latest.getValue());
                }
            });
            steps.put(day.closeTime(), mids);
        }
        if (steps.size() < 2) {
            throw new UsageException("competition: fewer than two trading days between " + from + " and " + to);
        }
        return steps;
    }

    /** The initial capital spread equally over the five instruments at their first prices, valued now. */
    private static Money basketValue(Map<Instrument, Price> first, Map<Instrument, Price> now) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Instrument, Price> e : first.entrySet()) {
            sum = sum.add(now.get(e.getKey()).toBigDecimal().divide(e.getValue().toBigDecimal(), 12, RoundingMode.HALF_EVEN));
        }
        BigDecimal value = CAPITAL.toBigDecimal().multiply(sum).divide(BigDecimal.valueOf(first.size()), 2,
            RoundingMode.HALF_EVEN);
        return Money.of(value, 2, RoundingMode.HALF_EVEN, Currency.USD);
    }

    /** Shorts the instrument at the competition's maximum size (200 % of equity) once and never covers. */
    private static DecisionFunction maxShort(Instrument instrument) {
        return context -> {
            if (!context.account().positions().isEmpty() || context.quotes().get(instrument.id()) == null) {
                return List.of();
            }
            BigDecimal bid = context.quote(instrument).bid().toBigDecimal();
            BigDecimal size = context.account().equity().toBigDecimal().multiply(new BigDecimal("1.98"))
                .divide(bid, instrument.sizePrecision(), RoundingMode.DOWN);
            return List.of(OrderRequest.sell(instrument).quantity(size.toPlainString()).build());
        };
    }

    /** What a participant's prompt shows of the competition at {@code at}: its rank, the standings and the rules. */
    public static CompetitionBrief brief(Competition competition, String name, Instant at) {
        List<CompetitionBrief.Standing> standings = new ArrayList<>();
        int rank = 1;
        for (LeaderboardEntry e : competition.leaderboard().entries()) {
            standings.add(new CompetitionBrief.Standing(e.rank(), e.participant().name(), e.equity().toString(),
                e.returnPercent().toPlainString()));
            if (e.participant().name().equals(name)) {
                rank = e.rank();
            }
        }
        return new CompetitionBrief(competition.name(), competition.end(), rank, standings.size(),
            competition.terms().maxLeverage(), competition.terms().maxPositionPercent(), true, standings);
    }

    private static void printLeaderboard(Result result, PrintStream out) {
        out.println();
        out.println("final leaderboard (equity, return, Sharpe with its 95% bootstrap CI, max drawdown, fees, trades, "
            + "tokens, LLM cost, return net of LLM cost):");
        for (ArenaRow r : result.board().rows()) {
            out.printf(Locale.ROOT, "%2d %-20s %16s %8s%%  Sharpe %5.2f [%5.2f, %5.2f]  DD %6s%%  fees %12s  trades %3d"
                    + "  tokens %9s  LLM %10s  net %8s%%%s%n", r.rank(), r.participant(), Amounts.money(r.equity()),
                r.returnPercent().setScale(2, RoundingMode.HALF_EVEN).toPlainString(), r.sharpe(), r.sharpeLow(),
                r.sharpeHigh(), r.maxDrawdownPercent().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                Amounts.money(r.fees()), r.trades(), Amounts.grouped(BigDecimal.valueOf(r.tokens()), 0),
                Amounts.money(r.llmCost()), r.returnNetOfLlmPercent().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                status(result, r));
        }
        result.competition().liquidations().forEach(l -> out.printf(Locale.ROOT,
            "liquidation: %s %s on %s, realized %s, equity after %s%n", l.participant(), l.event().instrument().symbol(),
            day(l.event().at()), Amounts.money(l.event().realizedPnl()), Amounts.money(l.event().equityAfter())));
        long invocations = result.log().records().size();
        out.printf(Locale.ROOT, "%d invocations journaled, %d fills, total LLM cost %s%n", invocations,
            result.trades().size(), Amounts.money(result.board().rows().stream().map(ArenaRow::llmCost)
                .reduce(Money.zero(Currency.USD), Money::plus)));
    }

    private static String status(Result result, ArenaRow r) {
        if (r.baseline()) {
            return "  (baseline)";
        }
        return switch (result.competition().status(r.participant())) {
            case ACTIVE -> "";
            default -> "  " + result.competition().status(r.participant());
        };
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t.minusSeconds(1), ZoneOffset.UTC).toString();
    }

    static HtmlReport report(Result result) {
        HtmlReport html = new HtmlReport("LLM trading competition on CFDs: BTC, ETH, gold, EUR/USD, AAPL");
        html.paragraph(result.times().size() + " trading days from " + day(result.times().get(0)) + " to "
            + day(result.times().get(result.times().size() - 1)) + "; 10,000.00 USD per participant; max leverage 5, "
            + "max position 200 % of equity, ESMA leverage limits, margin call 100 %, stop-out 50 %; 5 bp commission, "
            + "spreads 10 bp crypto, 4 bp gold and AAPL, 1 bp EUR/USD; financing 5 % long, 3 % short. Data: Yahoo "
            + "daily closes (see DATA.md).");
        html.heading("Leaderboard");
        List<List<String>> rows = new ArrayList<>();
        for (ArenaRow r : result.board().rows()) {
            rows.add(List.of(Integer.toString(r.rank()), r.participant(),
                r.baseline() ? "equal-weight basket, no fees" : result.models().get(r.participant()),
                Amounts.money(r.equity()), r.returnPercent().setScale(2, RoundingMode.HALF_EVEN) + " %",
                String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.sharpe(), r.sharpeLow(), r.sharpeHigh()),
                r.maxDrawdownPercent().setScale(2, RoundingMode.HALF_EVEN) + " %", Amounts.money(r.fees()),
                Long.toString(r.trades()), Amounts.grouped(BigDecimal.valueOf(r.tokens()), 0),
                Amounts.money(r.llmCost()), r.returnNetOfLlmPercent().setScale(2, RoundingMode.HALF_EVEN) + " %",
                r.baseline() ? "baseline" : result.competition().status(r.participant()).toString()));
        }
        html.table(List.of("rank", "participant", "model or rule", "equity", "return", "Sharpe [95% CI]",
            "max drawdown", "fees", "trades", "tokens", "LLM cost", "return net of LLM", "status"), rows);
        Map<String, double[]> curves = new LinkedHashMap<>();
        Map<String, double[]> drawdowns = new LinkedHashMap<>();
        result.equity().forEach((name, samples) -> {
            curves.put(name, values(samples));
            drawdowns.put(name, drawdown(values(samples)));
        });
        curves.put("buy-and-hold basket", values(result.basket()));
        drawdowns.put("buy-and-hold basket", drawdown(values(result.basket())));
        html.heading("Equity curves");
        html.lineChart("equity-chart", "Equity (USD) at each trading day's close.", curves);
        html.heading("Drawdown");
        html.lineChart("drawdown-chart", "Drawdown from the running peak (%).", drawdowns);
        if (!result.competition().liquidations().isEmpty()) {
            html.heading("Liquidations (stop-out)");
            List<List<String>> liq = new ArrayList<>();
            result.competition().liquidations().forEach(l -> liq.add(List.of(l.participant(), day(l.event().at()),
                l.event().instrument().symbol(), Amounts.money(l.event().realizedPnl()),
                Amounts.money(l.event().equityAfter()))));
            html.table(List.of("participant", "day", "instrument", "realized P&L", "equity after"), liq);
        }
        html.heading("Trades");
        List<List<String>> fills = new ArrayList<>();
        for (Trade t : result.trades()) {
            Fill f = t.fill();
            fills.add(List.of(day(f.timestamp()), t.participant(), f.side().toString(), f.instrument().symbol(),
                f.quantity().toString(), Amounts.price(f.instrument(), f.price()), Amounts.money(f.fee())));
        }
        html.table(List.of("day", "participant", "side", "instrument", "quantity", "price", "fee"), fills);
        html.heading("Invocations (tokens and cost of every one)");
        List<List<String>> calls = new ArrayList<>();
        for (InvocationRecord r : result.log().records()) {
            Usage usage = Usage.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            for (CallRecord c : r.calls()) {
                usage = usage.plus(c.usage());
                cost = cost.add(new BigDecimal(c.costUsd()));
            }
            calls.add(List.of(day(r.time()), r.tenant(), r.outcome(), String.join("; ", r.orders()),
                Amounts.grouped(BigDecimal.valueOf(usage.totalTokens()), 0),
                cost.setScale(6, RoundingMode.HALF_EVEN).toPlainString() + " USD"));
        }
        html.table(List.of("day", "participant", "outcome", "orders", "tokens", "cost"), calls);
        return html;
    }

    private static double[] values(List<Money> samples) {
        return samples.stream().mapToDouble(Money::toDouble).toArray();
    }

    private static double[] drawdown(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? (equity[i] - peak) / peak * 100 : 0;
        }
        return dd;
    }
}
