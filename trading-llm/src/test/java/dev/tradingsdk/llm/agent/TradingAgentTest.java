package dev.tradingsdk.llm.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.DecisionStrategy;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TimerEvent;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmException;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.Message;
import dev.tradingsdk.llm.cost.PriceTable;
import dev.tradingsdk.llm.cost.RunBudget;
import dev.tradingsdk.llm.internal.Json;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.InvocationRecord;
import dev.tradingsdk.llm.log.ScriptedLlm;
import dev.tradingsdk.llm.prompt.MarketHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingAgentTest {

    static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
        .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(3).build();
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final int HOURS = 6;

    @TempDir
    Path dir;

    /** Hourly bars and, at each bar's close, a quote 1.00 around its close. */
    static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (int h = 0; h < HOURS; h++) {
            Price c = Price.of((60000 + 100 * h) + ".00");
            bars.add(new Bar(BTC, T0.plus(Duration.ofHours(h)), T0.plus(Duration.ofHours(h + 1)), c, c, c, c,
                Quantity.of("1.000")));
        }
        return bars;
    }

    static List<MarketEvent> quotes() {
        List<MarketEvent> out = new ArrayList<>();
        for (Bar b : bars()) {
            for (int m = 0; m < 60; m += 30) {
                out.add(new Quote(BTC, b.closeTime().plus(Duration.ofMinutes(m)), b.close().minus(Price.of("1.00")),
                    Quantity.of("5.000"), b.close().plus(Price.of("1.00")), Quantity.of("5.000")));
            }
        }
        return out;
    }

    /** A model that first reads its account through a tool, then proposes buying 0.1 BTC. */
    static ScriptedLlm buyer() {
        return ScriptedLlm.answeringBlocks(request -> {
            List<Message> m = request.messages();
            if (m.size() == 1) {
                return List.of(new ContentBlock.ToolUse("t" + request.hashCode(), "get_account", Json.object()));
            }
            return List.of(new ContentBlock.ToolUse("p1", "propose_trade", Json.read("{\"action\":\"BUY\","
                + "\"symbol\":\"BTC-USD\",\"quantity\":0.1,\"confidence\":0.7,\"stop_loss\":null,\"take_profit\":null,"
                + "\"reasoning\":\"trend up\"}")));
        });
    }

    private TradingAgent.Builder agent(ScriptedLlm model, AgentControls controls, InvocationLog log) {
        return TradingAgent.builder("tenant-a", model, "claude-sonnet-4-5").instruments(List.of(BTC))
            .history(MarketHistory.of(bars())).controls(controls).log(log).maxPercentOfEquity(new java.math.BigDecimal("50"));
    }

    private static TradingEngine engine(Portfolio portfolio, Strategy... strategies) {
        TradingEngine.Builder b = TradingEngine.builder().mode(EngineMode.REPLAY)
            .clock(new SimulatedClock(T0)).feed("quotes", MarketReplay.of(List.of(quotes().iterator())))
            .simulatedAccount(portfolio, SimulatedVenue.builder());
        for (int i = 0; i < strategies.length; i++) {
            b.strategy("s" + i, strategies[i]);
        }
        return b.build();
    }

    @Test
    void autonomousCycleOnTheEngineTradesAndRecordsEverything() {
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        TradingAgent agent = agent(buyer(), controls, log).mode(AgentMode.AUTONOMOUS).build();
        Portfolio portfolio = new Portfolio("acct", Money.of("100000.00", Currency.USD));

        try (TradingEngine engine = engine(portfolio, DecisionStrategy.every(Duration.ofHours(2), agent, List.of(BTC)))) {
            engine.run();
        }

        List<InvocationRecord> records = log.records("tenant-a");
        assertThat(records).isNotEmpty();
        InvocationRecord first = records.get(0);
        assertThat(first.calls()).hasSize(2);
        assertThat(first.toolCalls()).extracting(InvocationRecord.ToolCallRecord::name)
            .containsExactly("get_account", "propose_trade");
        assertThat(first.toolCalls().get(0).result()).contains("\"equity\"");
        assertThat(first.outcome()).isEqualTo("decided");
        assertThat(first.orders()).singleElement().asString().startsWith("BUY 0.100 BTC-USD id tenant-a-1");
        assertThat(first.promptHash()).hasSize(64);
        assertThat(first.calls().get(0).costUsd()).isNotEqualTo("unpriced");
        assertThat(portfolio.position(BTC.id()).orElseThrow().netQuantity())
            .isEqualByComparingTo(new java.math.BigDecimal("0.1").multiply(new java.math.BigDecimal(records.size())));
        assertThat(controls.audit().entries("tenant-a", AuditEntry.Type.EXECUTION)).hasSize(records.size());
    }

    @Test
    void confirmationProposesAndApprovedOrdersExecuteAtTheNextCycle() {
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        TradingAgent agent = agent(buyer(), controls, log).mode(AgentMode.CONFIRMATION)
            .proposalTtl(Duration.ofMinutes(45)).build();
        Portfolio portfolio = new Portfolio("acct", Money.of("100000.00", Currency.USD));
        List<String> decisions = new ArrayList<>();
        // A person on the loop thread: approves the first proposal, rejects the second, lets the rest expire.
        Strategy operator = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.timers().scheduleEvery("review", Duration.ofMinutes(30));
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }

            @Override
            public void onTimer(TimerEvent timer, StrategyContext context) {
                for (Proposal p : agent.proposals().pending()) {
                    Instant now = context.clock().now();
                    decisions.add(p.id());
                    if (p.id().endsWith("P1")) {
                        agent.proposals().approve(p.id(), "alice", now);
                    } else if (p.id().endsWith("P2")) {
                        agent.proposals().reject(p.id(), "alice", "too big", now);
                    }
                }
            }
        };

        try (TradingEngine engine = engine(portfolio, DecisionStrategy.every(Duration.ofHours(2), agent, List.of(BTC)),
            operator)) {
            engine.run();
        }

        assertThat(agent.proposals().proposal("tenant-a-P1").orElseThrow().status()).isEqualTo(Proposal.Status.EXECUTED);
        assertThat(agent.proposals().proposal("tenant-a-P2").orElseThrow().status()).isEqualTo(Proposal.Status.REJECTED);
        // Exactly the approved 0.1 was bought, at the cycle after the approval.
        assertThat(portfolio.position(BTC.id()).orElseThrow().netQuantity()).isEqualByComparingTo("0.1");
        assertThat(log.records("tenant-a").get(1).orders()).singleElement().asString().contains("approved proposal");
        assertThat(controls.audit().entries("tenant-a")).extracting(AuditEntry::type)
            .contains(AuditEntry.Type.PROPOSAL, AuditEntry.Type.APPROVAL, AuditEntry.Type.REJECTION,
                AuditEntry.Type.EXECUTION);
    }

    @Test
    void theRuleBasedAgentTradesBehindTheSameInterfaces() {
        InvocationLog log = InvocationLog.inMemory();
        RuleBasedAgent rule = new RuleBasedAgent("rules", BTC, MarketHistory.of(bars()), 2, 3,
            new java.math.BigDecimal("10"), log);
        Portfolio portfolio = new Portfolio("acct", Money.of("100000.00", Currency.USD));
        try (TradingEngine engine = engine(portfolio, DecisionStrategy.every(Duration.ofHours(1), rule, List.of(BTC)))) {
            engine.run();
        }
        // Rising closes: the 2-bar average is above the 3-bar one once three bars closed; 10% of equity is bought
        // once (rounded down to the lot), then held.
        List<InvocationRecord> records = log.records("rules");
        assertThat(records).isNotEmpty().allMatch(r -> r.outcome().equals("decided"));
        assertThat(records.stream().filter(r -> !r.orders().isEmpty()).count()).isEqualTo(1);
        InvocationRecord buy = records.stream().filter(r -> !r.orders().isEmpty()).findFirst().orElseThrow();
        assertThat(buy.outcomeDetail()).startsWith("BUY BTC-USD 10% of equity");
        assertThat(buy.time()).isAfterOrEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(portfolio.position(BTC.id()).orElseThrow().netQuantity()).isEqualByComparingTo(
            buy.orders().get(0).split(" ")[1]);
        assertThat(rule.agentId()).isEqualTo("rule:sma-2/3");
    }

    @Test
    void engineRiskDenialsOfAgentOrdersAreAudited() {
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        TradingAgent agent = agent(buyer(), controls, log).mode(AgentMode.AUTONOMOUS).build();
        Portfolio portfolio = new Portfolio("acct", Money.of("100000.00", Currency.USD));
        try (TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(new SimulatedClock(T0))
            .feed("quotes", MarketReplay.of(List.of(quotes().iterator())))
            .simulatedAccount(portfolio, SimulatedVenue.builder())
            .rule(new dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule(Quantity.of("0.050")))
            .strategy("agent", AgentStrategy.every(Duration.ofHours(2), agent, List.of(BTC), controls)).build()) {
            engine.run();
        }
        assertThat(portfolio.position(BTC.id()).map(pos -> pos.isFlat()).orElse(true)).isTrue();
        assertThat(controls.audit().entries("tenant-a", AuditEntry.Type.RISK_VIOLATION)).isNotEmpty()
            .allMatch(e -> e.detail().contains("MAX_ORDER_QUANTITY"));
    }

    @Test
    void approvalReRunsTheRiskCheckAndProposalsExpire() {
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        AtomicBoolean riskOk = new AtomicBoolean(false);
        ProposalDesk desk = new ProposalDesk("t", Duration.ofMinutes(10), controls,
            order -> riskOk.get() ? List.of() : List.of("MAX_ORDER_NOTIONAL: 6000.00 > 5000.00 at current prices"));
        var order = dev.tradingsdk.core.order.OrderRequest.buy(BTC).clientOrderId("t-1").quantity("0.1").market().build();
        Proposal p1 = desk.propose("BUY 0.1", List.of(order), T0, "agent");
        Proposal refused = desk.approve(p1.id(), "bob", T0.plusSeconds(60));
        assertThat(refused.status()).isEqualTo(Proposal.Status.REJECTED);
        assertThat(refused.reason()).contains("MAX_ORDER_NOTIONAL");
        assertThat(desk.takeReleased()).isEmpty();

        riskOk.set(true);
        Proposal p2 = desk.propose("BUY 0.1", List.of(order), T0, "agent");
        assertThat(desk.approve(p2.id(), "bob", T0.plus(Duration.ofMinutes(11))).status())
            .isEqualTo(Proposal.Status.EXPIRED);
        Proposal p3 = desk.propose("BUY 0.1", List.of(order), T0, "agent");
        assertThat(desk.expire(T0.plus(Duration.ofMinutes(20)))).isEqualTo(1);
        assertThat(desk.proposal(p3.id()).orElseThrow().status()).isEqualTo(Proposal.Status.EXPIRED);
        assertThatThrownBy(() -> desk.approve(p3.id(), "bob", T0)).hasMessageContaining("EXPIRED");
        assertThatThrownBy(() -> desk.approve("nope", "bob", T0)).hasMessageContaining("no proposal nope");
    }

    @Test
    void haltBlocksCyclesAndApprovals() {
        AtomicBoolean halted = new AtomicBoolean(false);
        AgentControls controls = new AgentControls(halted::get, AuditLog.inMemory());
        ProposalDesk desk = new ProposalDesk("t", Duration.ofMinutes(10), controls, order -> List.of());
        var order = dev.tradingsdk.core.order.OrderRequest.buy(BTC).clientOrderId("t-1").quantity("0.1").market().build();
        Proposal p = desk.propose("BUY 0.1", List.of(order), T0, "agent");
        halted.set(true);
        assertThat(desk.approve(p.id(), "bob", T0).status()).isEqualTo(Proposal.Status.PENDING);
        assertThat(controls.audit().entries("t", AuditEntry.Type.HALT_BLOCKED)).hasSize(1);
        halted.set(false);
        assertThat(desk.approve(p.id(), "bob", T0).status()).isEqualTo(Proposal.Status.APPROVED);
        halted.set(true);
        assertThat(desk.takeReleased()).isEmpty();
        halted.set(false);
        assertThat(desk.takeReleased()).containsExactly(order);

        // On the engine: a halted deployment makes no model call and places nothing.
        InvocationLog log = InvocationLog.inMemory();
        AgentControls haltedControls = new AgentControls(() -> true, AuditLog.inMemory());
        ScriptedLlm model = buyer();
        TradingAgent agent = agent(model, haltedControls, log).mode(AgentMode.AUTONOMOUS).build();
        Portfolio portfolio = new Portfolio("acct", Money.of("100000.00", Currency.USD));
        try (TradingEngine engine = engine(portfolio, DecisionStrategy.every(Duration.ofHours(2), agent, List.of(BTC)))) {
            engine.run();
        }
        assertThat(log.records()).isEmpty();
        assertThat(portfolio.position(BTC.id()).map(pos -> pos.isFlat()).orElse(true)).isTrue();
        assertThat(haltedControls.audit().entries("tenant-a", AuditEntry.Type.HALT_BLOCKED)).isNotEmpty();
    }

    @Test
    void theGlobalSwitchRefusesAutonomousExecutionAndAuditsIt() {
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        TradingAgent agent = agent(buyer(), controls, log).mode(AgentMode.AUTONOMOUS).build();
        controls.setAutonomousEnabled(false, "ops", "incident 42", T0);
        Portfolio portfolio = new Portfolio("acct", Money.of("100000.00", Currency.USD));
        try (TradingEngine engine = engine(portfolio, DecisionStrategy.every(Duration.ofHours(2), agent, List.of(BTC)))) {
            engine.run();
        }
        assertThat(portfolio.position(BTC.id()).map(pos -> pos.isFlat()).orElse(true)).isTrue();
        assertThat(log.records()).allMatch(r -> r.orders().isEmpty() && r.rejections().get(0).contains("disabled globally"));
        assertThat(controls.audit().entries("tenant-a", AuditEntry.Type.AUTONOMOUS_REFUSED)).hasSize(log.records().size());
        assertThat(controls.audit().entries("*", AuditEntry.Type.MODE_CHANGE)).singleElement()
            .satisfies(e -> assertThat(e.detail()).contains("disabled: incident 42"));
        TradingAgent confirming = agent(buyer(), controls, InvocationLog.inMemory()).build();
        assertThatThrownBy(() -> confirming.setMode(AgentMode.AUTONOMOUS, "ops", T0))
            .hasMessageContaining("disabled globally");
        assertThat(confirming.mode()).isEqualTo(AgentMode.CONFIRMATION);
    }

    @Test
    void chatUsesToolsAndNeverTrades() {
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        List<LlmRequest> seen = new ArrayList<>();
        ScriptedLlm model = ScriptedLlm.answeringBlocks(request -> {
            seen.add(request);
            if (request.messages().size() == 1) {
                return List.of(new ContentBlock.ToolUse("q1", "get_quote", Json.read("{\"symbol\":\"BTC-USD\"}")));
            }
            return List.of(new ContentBlock.Text("You hold nothing; BTC is bid 60499.00."));
        });
        TradingAgent agent = agent(model, controls, log).mode(AgentMode.AUTONOMOUS).build();
        var account = new Portfolio("acct", Money.of("100000.00", Currency.USD));
        Quote q = (Quote) quotes().get(10);
        String answer = agent.chat("What do I hold?", new dev.tradingsdk.core.strategy.DecisionContext(
            q.timestamp(), account, java.util.Map.of(BTC.id(), q)));
        assertThat(answer).contains("You hold nothing");
        assertThat(seen.get(0).tools()).extracting(t -> t.name()).doesNotContain("propose_trade");
        InvocationRecord r = log.records().get(0);
        assertThat(r.kind()).isEqualTo("chat");
        assertThat(r.orders()).isEmpty();
        assertThat(r.toolCalls().get(0).result()).contains("\"bid\"");
        assertThat(agent.proposals().proposals()).isEmpty();
    }

    @Test
    void aBudgetOverrunStopsTheAgentBeforeTheCall() {
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        ScriptedLlm model = buyer();
        RunBudget budget = RunBudget.builder(PriceTable.defaults(), new SimulatedClock(T0)).maxCalls(3).build();
        TradingAgent agent = TradingAgent.builder("tenant-a", budget.guard(model), "m").instruments(List.of(BTC))
            .history(MarketHistory.of(bars())).controls(controls).log(log).mode(AgentMode.AUTONOMOUS).build();
        Portfolio portfolio = new Portfolio("acct", Money.of("100000.00", Currency.USD));
        try (TradingEngine engine = engine(portfolio, DecisionStrategy.every(Duration.ofHours(1), agent, List.of(BTC)))) {
            engine.run();
            assertThat(engine.status().strategy("s0").failure().orElseThrow()).contains("call budget of 3 attempts");
        }
        assertThat(budget.spent().attempts()).isEqualTo(3);
        assertThat(log.records().get(log.records().size() - 1).outcome()).isEqualTo("error");
    }

    @Test
    void memoryIsBoundedPerTenantAndRestoredFromItsJournal() {
        try (AgentMemory memory = AgentMemory.open(dir.resolve("memory"), 3)) {
            for (int i = 0; i < 5; i++) {
                memory.remember("a", T0.plusSeconds(i), "decision " + i);
            }
            memory.remember("b", T0, "other tenant\u0007");
        }
        try (AgentMemory again = AgentMemory.open(dir.resolve("memory"), 3)) {
            assertThat(again.entries("a")).extracting(AgentMemory.Entry::line)
                .containsExactly("decision 2", "decision 3", "decision 4");
            assertThat(again.summary("b")).contains("other tenant").doesNotContain("\u0007").doesNotContain("decision");
        }
        try (AuditLog audit = AuditLog.open(dir.resolve("audit"))) {
            audit.append(new AuditEntry(T0, "a", AuditEntry.Type.DECISION, "agent", "HOLD"));
        }
        try (AuditLog audit = AuditLog.open(dir.resolve("audit"))) {
            assertThat(audit.entries("a")).hasSize(1);
            assertThat(audit.entries("b")).isEmpty();
        }
    }

    @Test
    void aFailedCallIsRecordedAsAnErrorNotAHold() {
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        dev.tradingsdk.llm.LlmClient down = new dev.tradingsdk.llm.LlmClient() {
            @Override
            public String provider() {
                return "anthropic";
            }

            @Override
            public dev.tradingsdk.llm.LlmResponse complete(LlmRequest request) {
                throw new LlmException.Overloaded("anthropic", 529, "overloaded_error", "Overloaded", "req_1", null);
            }
        };
        TradingAgent agent = TradingAgent.builder("tenant-a", down, "claude-sonnet-4-5").instruments(List.of(BTC))
            .history(MarketHistory.of(bars())).controls(controls).log(log).mode(AgentMode.AUTONOMOUS).build();
        Quote q = (Quote) quotes().get(3);
        var orders = agent.decide(new dev.tradingsdk.core.strategy.DecisionContext(q.timestamp(),
            new Portfolio("acct", Money.of("1000.00", Currency.USD)), java.util.Map.of(BTC.id(), q)));
        assertThat(orders).isEmpty();
        InvocationRecord r = log.records().get(0);
        assertThat(r.outcome()).isEqualTo("error");
        assertThat(r.outcomeDetail()).contains("Overloaded");
        assertThat(r.calls().get(0).error()).contains("529");
        assertThat(controls.audit().entries("tenant-a", AuditEntry.Type.CALL_FAILURE)).hasSize(1);
    }
}
