package dev.tradingsdk.examples.council;

import dev.tradingsdk.brokers.Broker;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.Brokers;
import dev.tradingsdk.brokers.paper.PaperBroker;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.examples.cli.BundledData;
import dev.tradingsdk.examples.cli.ExampleApp;
import dev.tradingsdk.examples.cli.Option;
import dev.tradingsdk.examples.cli.ParsedOptions;
import dev.tradingsdk.examples.cli.UsageException;
import dev.tradingsdk.examples.report.HtmlReport;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.agent.ApprovalCheck;
import dev.tradingsdk.llm.cost.PriceTable;
import dev.tradingsdk.llm.council.Council;
import dev.tradingsdk.llm.council.CouncilAccount;
import dev.tradingsdk.llm.council.CouncilMember;
import dev.tradingsdk.llm.council.CouncilOrders;
import dev.tradingsdk.llm.council.CouncilResult;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.ScriptedLlm;
import dev.tradingsdk.llm.prompt.MarketHistory;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * App 5: the investment council (research, pitches, anonymized peer review, chairman) over the bundled BTC and
 * ETH daily history, its decision placed as a bracket order on the paper broker (Alpaca paper with keys).
 */
public final class CouncilApp implements ExampleApp {

    static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
        .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    static final Instrument ETH = Instrument.builder("ETH-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
        .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    static final Instant AS_OF = Instant.parse("2024-05-27T12:00:00Z");
    private static final Pattern PITCH = Pattern.compile("Pitch ([A-Z]): .*?thesis-(\\d)");
    private static final PriceTable SCRIPTED_PRICES = PriceTable.builder()
        .price("scripted", "", LocalDate.of(2023, 1, 1), "3", "15", "0.30", "3.75",
            "scripted stand-in priced at claude-sonnet-4-5 list rates").build();

    @Override
    public String name() {
        return "council";
    }

    @Override
    public String summary() {
        return "investment council: research, pitches, peer review, chairman, bracket order on the paper broker";
    }

    @Override
    public String description() {
        return """
            Three council members research the same point-in-time data pack (bundled Yahoo BTC-USD and ETH-USD
            daily bars up to --date), pitch one trade each, rank each other's pitches anonymized (strict FINAL
            RANKING parsing, average rank), and a chairman picks the final decision, placed as a bracket order
            (entry, take-profit, stop-loss) after a risk check (max order notional 50,000.00 USD) on the paper
            broker with 100,000.00 USD. Prints every stage's output and the cost of the run; writes council.html.
            Offline the members are scripted models reading their prompts (priced at claude-sonnet-4-5 rates).
            --alpaca places the order on Alpaca's paper account instead (APCA_API_KEY_ID, APCA_API_SECRET_KEY).""";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.value("date", "DATE", "2024-05-01", "decision day (2018-01-01 .. 2024-05-26)"),
            Option.flag("alpaca", "place the bracket on Alpaca paper (needs APCA_API_KEY_ID and APCA_API_SECRET_KEY)"),
            Option.value("out", "DIR", "target/trading-examples/council", "where the HTML report goes"));
    }

    @Override
    public int run(ParsedOptions options, PrintStream out) {
        LocalDate day;
        try {
            day = LocalDate.parse(options.value("date"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("council: --date must be a date like 2024-05-01, was '" + options.value("date") + "'");
        }
        if (day.isBefore(LocalDate.of(2018, 1, 1)) || day.isAfter(LocalDate.of(2024, 5, 26))) {
            throw new UsageException("council: --date must be in 2018-01-01 .. 2024-05-26, was " + day);
        }
        if (options.flag("alpaca") && (System.getenv("APCA_API_KEY_ID") == null
            || System.getenv("APCA_API_SECRET_KEY") == null)) {
            throw new UsageException("council --alpaca needs APCA_API_KEY_ID and APCA_API_SECRET_KEY in the environment");
        }
        Instant time = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<Bar> all = new ArrayList<>();
        all.addAll(BundledData.bars(BarCsvReader.yahooDaily(BTC).asOf(AS_OF), null, "btc_usd_daily_yahoo.csv"));
        all.addAll(BundledData.bars(BarCsvReader.yahooDaily(ETH).asOf(AS_OF), null, "eth_usd_daily_yahoo.csv"));
        Map<Instrument, Price> prices = new LinkedHashMap<>();
        for (Bar b : all) {
            if (!b.closeTime().isAfter(time)) {
                prices.put(b.instrument(), b.close());
            }
        }
        Price btc = prices.get(BTC);
        out.printf(Locale.ROOT, "council on %s: BTC-USD %s, ETH-USD %s (last closes)%n", day,
            Amounts.price(BTC, btc), Amounts.price(ETH, prices.get(ETH)));

        InvocationLog log = InvocationLog.inMemory();
        List<CouncilMember> members = new ArrayList<>();
        List<String> names = List.of("momentum", "value", "macro");
        for (int i = 0; i < names.size(); i++) {
            int n = i + 1;
            members.add(new CouncilMember(names.get(i), ScriptedLlm.answering(r -> answer(n, r, btc)),
                "scripted:" + names.get(i)));
        }
        Council council = Council.builder("weekly").members(members)
            .chairman(new CouncilMember("chair", ScriptedLlm.answering(r -> answer(0, r, btc)), "scripted:chair"))
            .quorum(2).stageTimeout(Duration.ofSeconds(20)).seed(2026).history(MarketHistory.of(all)).log(log)
            .prices(SCRIPTED_PRICES).limits(new BigDecimal("50"), 1, false)
            .listener((stage, state) -> out.printf(Locale.ROOT, "  stage %s: %s%n", stage, state)).build();

        SimulatedClock clock = new SimulatedClock(time);
        Broker broker = options.flag("alpaca") ? Brokers.fromConfig(Map.of("broker", "alpaca"), System.getenv())
            : PaperBroker.builder().accountId("paper").initialCash(Money.of("100000.00", Currency.USD)).clock(clock)
                .build();
        if (broker instanceof MarketDataListener paper) {
            // The paper broker fills at the last price it was told: the day's closes, as quotes.
            prices.forEach((instrument, p) -> paper.onEvent(new Quote(instrument, time, p, instrument.size("10"), p,
                instrument.size("10"))));
        }
        BrokerGateway gateway = BrokerGateway.of(broker);
        Map<InstrumentId, TopOfBook> books = new HashMap<>();
        prices.forEach((instrument, p) -> books.put(instrument.id(), new TopOfBook(instrument).update(new Quote(
            instrument, time, p, instrument.size("10"), p, instrument.size("10")))));
        RiskGovernor governor = RiskGovernor.builder().clock(new SimulatedClock(time))
            .rule(new MaxOrderNotionalRule(Money.of("50000", Currency.USD))).build();
        CouncilResult result = council.run(time, prices, List.of(new CouncilAccount(options.flag("alpaca") ? "alpaca"
            : "paper", gateway, CouncilOrders.of(gateway))), ApprovalCheck.of(governor, gateway, () -> books::get));
        print(result, out);
        if (broker instanceof MarketDataListener paper && !result.orders().isEmpty()) {
            // The paper broker fills the market entry at the next price: the next day's close.
            Instant next = time.plus(Duration.ofDays(1));
            clock.setTime(next);
            for (Bar b : all) {
                if (b.closeTime().equals(next)) {
                    paper.onEvent(new Quote(b.instrument(), next, b.close(), b.instrument().size("10"), b.close(),
                        b.instrument().size("10")));
                }
            }
            out.printf(Locale.ROOT, "next day: equity %s, cash %s, positions %s%n", Amounts.money(gateway.equity()),
                Amounts.money(gateway.cash()), gateway.positions().stream().map(p -> p.instrument().symbol() + " "
                    + p.netQuantity()).toList());
        }
        Path report = report(day, result).write(options.path("out").resolve("council.html"));
        out.println("report: " + report.toAbsolutePath());
        return result.failure().isPresent() ? 1 : 0;
    }

    private static String user(LlmRequest request) {
        return ((ContentBlock.Text) request.messages().get(0).content().get(0)).text();
    }

    /** Member {@code n} (0 is the chairman): a research note, a pitch sized by n, a ranking by thesis number. */
    static String answer(int n, LlmRequest request, Price btc) {
        String text = user(request);
        BigDecimal p = btc.toBigDecimal();
        String stop = p.multiply(new BigDecimal("0.93")).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        String target = p.multiply(new BigDecimal("1.12")).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        if (text.contains("As chairman")) {
            return "{\"action\":\"BUY\",\"symbol\":\"BTC-USD\",\"quantity\":0.25,\"confidence\":0.7,\"stop_loss\":"
                + stop + ",\"take_profit\":" + target + ",\"reasoning\":\"the best ranked pitch at a quarter size\"}";
        }
        if (text.contains("Critique each pitch")) {
            List<String[]> seen = new ArrayList<>();
            Matcher m = PITCH.matcher(text);
            while (m.find()) {
                seen.add(new String[] {m.group(1), m.group(2)});
            }
            seen.sort((a, b) -> a[1].compareTo(b[1]));
            StringBuilder sb = new StringBuilder("Pitch theses weighed against the drawdown risk.\nFINAL RANKING:\n");
            for (int i = 0; i < seen.size(); i++) {
                sb.append(i + 1).append(". Pitch ").append(seen.get(i)[0]).append('\n');
            }
            return sb.toString();
        }
        if (text.contains("Pitch one trade")) {
            String symbol = n == 3 ? "ETH-USD" : "BTC-USD";
            String levels = n == 3 ? "\"stop_loss\":null,\"take_profit\":null" : "\"stop_loss\":" + stop
                + ",\"take_profit\":" + target;
            return "{\"action\":\"BUY\",\"symbol\":\"" + symbol + "\",\"quantity\":0." + n + ",\"confidence\":0.6,"
                + levels + ",\"thesis\":\"thesis-" + n + "\",\"risk\":\"a 7 % drawdown\",\"horizon\":\"2 weeks\","
                + "\"reasoning\":\"" + (n == 1 ? "momentum" : n == 2 ? "mean reversion" : "rates") + "\"}";
        }
        return "Research note " + n + ": " + (n == 1 ? "BTC trends above its 20-day average"
            : n == 2 ? "BTC is extended; ETH lags" : "liquidity favours risk assets") + ".";
    }

    private static void print(CouncilResult r, PrintStream out) {
        out.println("== research");
        r.notes().forEach((m, note) -> out.printf(Locale.ROOT, "  %s: %s%n", m, oneLine(note)));
        out.println("== pitches");
        r.pitches().forEach((m, pitch) -> out.printf(Locale.ROOT, "  %s: %s%n", m, oneLine(pitch)));
        out.println("== peer review (anonymized labels " + r.labels() + ")");
        r.rankings().forEach((m, ranking) -> out.printf(Locale.ROOT, "  %s ranks %s%n", m, ranking));
        out.printf(Locale.ROOT, "  average rank: %s%n", r.averageRank());
        r.exclusions().forEach(e -> out.printf(Locale.ROOT, "  excluded %s at %s: %s%n", e.member(), e.stage(), e.reason()));
        out.println("== chairman");
        out.println("  decision: " + r.decision().map(Object::toString).orElse("none"));
        out.println("== execution");
        for (Order o : r.orders()) {
            out.printf(Locale.ROOT, "  %s %s %s %s %s -> %s%n", o.clientOrderId(), o.request().side(),
                o.request().quantity(), o.request().instrument().symbol(), o.request().type(), o.status());
        }
        r.summaries().forEach(s -> out.println("  " + s));
        r.failure().ifPresent(f -> out.println("  failure: " + f));
        out.printf(Locale.ROOT, "cost of the run: %s USD%n", r.costUsd().toBigDecimal().setScale(6, RoundingMode.HALF_EVEN)
            .toPlainString());
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    private static HtmlReport report(LocalDate day, CouncilResult r) {
        HtmlReport html = new HtmlReport("Investment council on " + day);
        List<List<String>> stages = new ArrayList<>();
        r.notes().forEach((m, v) -> stages.add(List.of("research", m, v)));
        r.pitches().forEach((m, v) -> stages.add(List.of("pitch", m, v)));
        r.rankings().forEach((m, v) -> stages.add(List.of("review", m, String.valueOf(v))));
        r.exclusions().forEach(e -> stages.add(List.of("excluded at " + e.stage(), e.member(), e.reason())));
        stages.add(List.of("chairman", "chair", r.decision().map(Object::toString).orElse("none")));
        html.table(List.of("stage", "member", "output"), stages);
        html.paragraph("Anonymized labels: " + r.labels() + "; average rank: " + r.averageRank());
        List<List<String>> orders = new ArrayList<>();
        r.orders().forEach(o -> orders.add(List.of(o.clientOrderId().toString(), o.request().side().toString(),
            o.request().quantity().toString(), o.request().instrument().symbol(), o.request().type().toString(),
            o.status().toString())));
        html.heading("Orders");
        html.table(List.of("id", "side", "quantity", "instrument", "type", "status"), orders);
        r.summaries().forEach(html::paragraph);
        html.paragraph("Cost of the run: " + r.costUsd().toBigDecimal().setScale(6, RoundingMode.HALF_EVEN).toPlainString()
            + " USD" + r.failure().map(f -> "; failure: " + f).orElse(""));
        return html;
    }
}
