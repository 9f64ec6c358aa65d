package dev.tradingsdk.examples.llm;

import dev.tradingsdk.cfd.Competition;
import dev.tradingsdk.cfd.LeaderboardEntry;
import dev.tradingsdk.cfd.Participant;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.examples.competition.CompetitionApp;
import dev.tradingsdk.llm.LlmClient;
import dev.tradingsdk.llm.Usage;
import dev.tradingsdk.llm.agent.AgentControls;
import dev.tradingsdk.llm.agent.AgentMode;
import dev.tradingsdk.llm.agent.AuditLog;
import dev.tradingsdk.llm.agent.TradingAgent;
import dev.tradingsdk.llm.arena.ArenaLeaderboard;
import dev.tradingsdk.llm.cost.PriceTable;
import dev.tradingsdk.llm.log.CallRecord;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.InvocationRecord;
import dev.tradingsdk.llm.prompt.MarketHistory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A three-participant LLM competition on CFD accounts over 48 real hourly BTCUSDT closes, run offline: each
 * participant is a {@link TradingAgent} on a model (scripted, or replaying a recording), the competition's rules
 * are its risk rules, and the {@link ArenaLeaderboard} adds Sharpe with a bootstrap CI, drawdown, tokens, LLM cost,
 * return net of LLM cost and a buy-and-hold row.
 */
final class LlmCompetitionRun {

    /**
     * Closes of Binance BTCUSDT 1h bars from 2023-06-01 00:00 UTC, the first 48 rows of
     * /work/shared/data/market/btcusdt_1h_binance_2023-06_2024-03.csv (taeminlee/cp BTCUSDT-1h.csv, commit
     * 4acb7d8a; see that directory's SOURCES.md). Only the closes are used: each bar here is flat at its close.
     */
    static final String[] CLOSES = ("27065.77 27078.56 26719.26 26779.94 26804.15 26849.2 26785.13 26802.67 26912.53 "
        + "26908.63 26860.0 26892.96 26941.79 26891.74 26898.08 26894.48 27092.08 26956.94 26964.77 26862.68 26863.0 "
        + "26889.84 26880.97 26817.93 26786.03 26811.9 26960.01 27000.0 27068.27 27152.6 27071.06 27049.65 27166.14 "
        + "27080.68 27096.99 27130.75 27095.42 26908.84 26964.74 27095.92 27056.06 27057.58 27192.6 27239.02 27172.84 "
        + "27207.4 27262.92 27242.59").split(" ");

    static final Instrument BTC = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
        .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    static final Instant OPEN = Instant.parse("2023-06-01T00:00:00Z");
    static final Money CAPITAL = Money.of("10000.00", Currency.USD);
    /** Test rates for the scripted models (so LLM cost is not zero): $3 in, $15 out per million tokens. */
    static final PriceTable PRICES = PriceTable.builder()
        .price("scripted", "", LocalDate.of(2023, 1, 1), "3", "15", "0.30", "3.75", "test rates").build();

    record Result(ArenaLeaderboard board, InvocationLog log, Map<String, List<String>> orders, AuditLog audit) {
    }

    static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (int h = 0; h < CLOSES.length; h++) {
            Price c = Price.of(CLOSES[h].contains(".") ? padded(CLOSES[h]) : CLOSES[h] + ".00");
            bars.add(new Bar(BTC, OPEN.plus(Duration.ofHours(h)), OPEN.plus(Duration.ofHours(h + 1)), c, c, c, c,
                Quantity.of("1.0000")));
        }
        return bars;
    }

    private static String padded(String s) {
        return s.substring(s.indexOf('.') + 1).length() == 1 ? s + "0" : s;
    }

    /**
     * Runs the competition with the model each participant name maps to; {@code log} receives every invocation.
     * Participants: two instances of one model side by side, and a third model.
     */
    static Result run(Function<String, LlmClient> models, InvocationLog log) {
        List<Bar> bars = bars();
        MarketHistory history = MarketHistory.of(bars);
        SimulatedClock clock = new SimulatedClock(bars.get(0).closeTime());
        Competition competition = Competition.builder("llm-arena")
            .window(bars.get(0).closeTime(), bars.get(bars.size() - 1).closeTime())
            .initialCapital(CAPITAL).maxLeverage(5).maxPositionPercent(200)
            .allowedAssetClasses(Set.of(AssetClass.CRYPTO)).invocationInterval(Duration.ofHours(3))
            .clock(clock).build();
        AuditLog audit = AuditLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, audit);
        Map<String, String> agents = new LinkedHashMap<>();
        agents.put("sonnet-a", "claude-sonnet-4-5");
        agents.put("sonnet-b", "claude-sonnet-4-5");
        agents.put("gpt-contra", "gpt-4o-mini");
        for (Map.Entry<String, String> e : agents.entrySet()) {
            String name = e.getKey();
            LlmClient model = models.apply(name);
            TradingAgent agent = TradingAgent.builder(name, model, e.getValue()).mode(AgentMode.AUTONOMOUS)
                .instruments(List.of(BTC)).history(history).controls(controls).log(log).prices(PRICES)
                .maxPercentOfEquity(new BigDecimal("100")).maxLeverage(2).shortingAllowed(true).seed(42)
                .temperature(0).competition(at -> CompetitionApp.brief(competition, name, at)).build();
            competition.join(new Participant(name, agent.agentId()), agent);
        }
        Map<String, List<Money>> equity = new LinkedHashMap<>();
        agents.keySet().forEach(n -> equity.put(n, new ArrayList<>(List.of(CAPITAL))));
        List<Price> mids = new ArrayList<>();
        mids.add(bars.get(0).close());
        for (Bar b : bars) {
            clock.setTime(b.closeTime());
            competition.onMids(Map.of(BTC, b.close()));
            if (b != bars.get(0)) {
                mids.add(b.close());
                agents.keySet().forEach(n -> equity.get(n).add(competition.account(n).equity()));
            }
        }
        ArenaLeaderboard.Builder board = ArenaLeaderboard.builder(CAPITAL, 24 * 365).bootstrap(500, 7);
        Map<String, List<String>> orders = new LinkedHashMap<>();
        for (String name : agents.keySet()) {
            LeaderboardEntry entry = competition.leaderboard().entry(name).orElseThrow();
            Usage tokens = Usage.ZERO;
            for (InvocationRecord r : log.records(name)) {
                for (CallRecord c : r.calls()) {
                    tokens = tokens.plus(c.usage());
                }
                orders.computeIfAbsent(name, k -> new ArrayList<>()).addAll(r.orders());
            }
            board.participant(name, entry.participant().agent(), equity.get(name), entry.fees(), entry.fillCount(),
                entry.winRatePercent().orElse(null), tokens.totalTokens(), TradingAgent.cost(log, name));
        }
        board.buyAndHold("buy-and-hold", mids);
        return new Result(board.build(), log, orders, audit);
    }

    private LlmCompetitionRun() {
    }
}
