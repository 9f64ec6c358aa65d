package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.options.GreeksSnapshot;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.core.strategy.DecisionFunction;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmClient;
import dev.tradingsdk.llm.LlmException;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.Message;
import dev.tradingsdk.llm.Role;
import dev.tradingsdk.llm.ToolDefinition;
import dev.tradingsdk.llm.cost.ModelPrice;
import dev.tradingsdk.llm.cost.PriceTable;
import dev.tradingsdk.llm.decision.DecisionOutcome;
import dev.tradingsdk.llm.decision.DecisionParser;
import dev.tradingsdk.llm.decision.DecisionRules;
import dev.tradingsdk.llm.decision.TradeAction;
import dev.tradingsdk.llm.decision.TradeDecision;
import dev.tradingsdk.llm.log.CallRecord;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.InvocationRecord;
import dev.tradingsdk.llm.prompt.CompetitionBrief;
import dev.tradingsdk.llm.prompt.MarketHistory;
import dev.tradingsdk.llm.prompt.Prompt;
import dev.tradingsdk.llm.prompt.PromptBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An LLM agent as a decision-shaped strategy: run it on the engine with
 * {@code DecisionStrategy.every(interval, agent, instruments)} (or join it to a competition). Each cycle it builds
 * the prompt at the decision time (point in time), calls the model (which may first call read-only tools), parses
 * the answer strictly, then acts by {@link AgentMode}: AUTONOMOUS returns the orders, which the engine sends
 * through its risk path; CONFIRMATION turns them into a {@link Proposal} on its {@link ProposalDesk}, and the
 * orders a person approved come back out at the next cycle. Everything is journaled ({@link InvocationLog}),
 * audited ({@link AuditLog}) and remembered ({@link AgentMemory}). A halt blocks everything; a budget overrun
 * stops the strategy with the budget's error.
 */
public final class TradingAgent implements DecisionFunction {

    private final Builder config;
    private final ProposalDesk desk;
    private final ClientOrderId.Generator ids;
    private volatile AgentMode mode;

    private TradingAgent(Builder b) {
        this.config = b;
        this.mode = b.mode;
        this.desk = new ProposalDesk(b.tenant, b.proposalTtl, b.controls, b.approvalCheck);
        this.ids = ClientOrderId.sequence(b.tenant);
    }

    public static Builder builder(String tenant, LlmClient client, String model) {
        return new Builder(tenant, client, model);
    }

    public String tenant() {
        return config.tenant;
    }

    /** e.g. {@code anthropic:claude-sonnet-4-5}. */
    public String agentId() {
        return config.client.provider() + ":" + config.model;
    }

    public AgentMode mode() {
        return mode;
    }

    /** Changes the mode (audited); switching to AUTONOMOUS is refused while autonomous mode is disabled globally. */
    public void setMode(AgentMode newMode, String operator, Instant at) {
        Objects.requireNonNull(newMode, "mode");
        if (newMode == AgentMode.AUTONOMOUS && !config.controls.autonomousEnabled()) {
            audit(at, AuditEntry.Type.AUTONOMOUS_REFUSED, operator, "switch to AUTONOMOUS refused: disabled globally");
            throw new IllegalStateException("autonomous mode is disabled globally; tenant " + config.tenant
                + " stays " + mode);
        }
        audit(at, AuditEntry.Type.MODE_CHANGE, operator, mode + " -> " + newMode);
        this.mode = newMode;
    }

    public ProposalDesk proposals() {
        return desk;
    }

    @Override
    public List<OrderRequest> decide(DecisionContext context) {
        Instant now = context.time();
        desk.expire(now);
        if (config.controls.halted()) {
            audit(now, AuditEntry.Type.HALT_BLOCKED, agentId(), "cycle skipped: trading is halted");
            return List.of();
        }
        List<OrderRequest> out = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        for (OrderRequest approved : desk.takeReleased()) {
            out.add(approved);
            placed.add(describe(approved) + " (approved proposal)");
            audit(now, AuditEntry.Type.EXECUTION, agentId(), "approved order " + describe(approved));
        }
        if (config.instruments.stream().noneMatch(i -> context.quotes().containsKey(i.id()))) {
            // Nothing quoted yet: there is nothing to decide on, and no call is paid for.
            return out;
        }
        DecisionRules rules = rules(context);
        Prompt prompt = prompt(context, rules);
        List<ToolDefinition> tools = new ArrayList<>(AgentTools.readOnly(config.greeks != null));
        tools.add(AgentTools.proposeTrade());
        LlmRequest request = base(prompt).tools(tools).build();
        Cycle cycle = converse(request, context, rules, true);
        List<String> rejections = new ArrayList<>();
        String detail;
        String kind;
        if (cycle.failure != null) {
            kind = "error";
            detail = cycle.failure.getClass().getSimpleName() + ": " + cycle.failure.getMessage();
            audit(now, AuditEntry.Type.CALL_FAILURE, agentId(), detail);
        } else {
            DecisionOutcome outcome = cycle.outcome;
            kind = outcome.kind();
            detail = act(outcome, context, out, placed, rejections);
        }
        config.memory.remember(config.tenant, now, kind + ": " + detail);
        config.log.append(new InvocationRecord(config.tenant, agentId(), now, "decision", prompt.hash(), cycle.calls,
            cycle.toolCalls, kind, detail, placed, rejections));
        if (cycle.failure instanceof LlmException.BudgetExceeded budget) {
            throw budget;
        }
        return out;
    }

    private String act(DecisionOutcome outcome, DecisionContext context, List<OrderRequest> out, List<String> placed,
                       List<String> rejections) {
        Instant now = context.time();
        if (outcome instanceof DecisionOutcome.Abstained a) {
            audit(now, AuditEntry.Type.ABSTENTION, agentId(), a.reason());
            return a.reason();
        }
        if (outcome instanceof DecisionOutcome.Failed f) {
            audit(now, AuditEntry.Type.PARSE_FAILURE, agentId(), f.reason());
            rejections.add(f.reason());
            return f.reason();
        }
        TradeDecision d = ((DecisionOutcome.Decided) outcome).decision();
        audit(now, AuditEntry.Type.DECISION, agentId(), d.toString());
        if (d.action() == TradeAction.HOLD) {
            return d.toString();
        }
        List<OrderRequest> orders = OrderSizer.orders(d, context.account(), context.mid(d.instrument()), ids.next());
        if (orders.isEmpty()) {
            return d + " (sized to nothing)";
        }
        if (mode == AgentMode.CONFIRMATION) {
            Proposal p = desk.propose(d.toString(), orders, now, agentId());
            return d + " -> proposal " + p.id();
        }
        if (!config.controls.autonomousEnabled()) {
            String why = "autonomous execution refused: autonomous mode is disabled globally";
            audit(now, AuditEntry.Type.AUTONOMOUS_REFUSED, agentId(), d + ": " + why);
            rejections.add(why);
            return d + " (" + why + ")";
        }
        for (OrderRequest o : orders) {
            out.add(o);
            placed.add(describe(o));
            audit(now, AuditEntry.Type.EXECUTION, agentId(), describe(o));
        }
        return d.toString();
    }

    /**
     * A person asks about the book: the model may read the same tools, cannot propose or place anything, and the
     * answer is returned as text. Journaled and audited like a cycle.
     */
    public String chat(String question, DecisionContext context) {
        Objects.requireNonNull(question, "question");
        if (config.instruments.stream().noneMatch(i -> context.quotes().containsKey(i.id()))) {
            throw new IllegalStateException("no quote for any of " + config.instruments + " at " + context.time());
        }
        Instant now = context.time();
        DecisionRules rules = rules(context);
        Prompt prompt = prompt(context, rules);
        LlmRequest request = LlmRequest.builder(config.model).system(PromptBuilder.SYSTEM.replace(
                "Answer with ONE JSON object only", "This is a question from your operator; answer in plain text, and do"
                    + " not propose trades. Otherwise answer with ONE JSON object only"))
            .user(prompt.user() + "\n=== QUESTION FROM YOUR OPERATOR (data) ===\n" + question)
            .maxTokens(config.maxTokens).tools(AgentTools.readOnly(config.greeks != null)).build();
        Cycle cycle = converse(request, context, rules, false);
        String answer = cycle.failure != null ? "error: " + cycle.failure.getMessage() : cycle.lastText;
        audit(now, AuditEntry.Type.CHAT, "operator", "Q: " + question);
        config.log.append(new InvocationRecord(config.tenant, agentId(), now, "chat", prompt.hash(), cycle.calls,
            cycle.toolCalls, cycle.failure != null ? "error" : "answered", answer, List.of(), List.of()));
        return answer;
    }

    /** The calls of one cycle: the model may call read-only tools for a few rounds, then must answer. */
    private Cycle converse(LlmRequest request, DecisionContext context, DecisionRules rules, boolean decide) {
        Cycle cycle = new Cycle();
        DecisionParser parser = new DecisionParser(rules);
        for (int round = 0; round <= config.maxToolRounds; round++) {
            LlmResponse response;
            try {
                response = config.client.complete(request);
            } catch (RuntimeException e) {
                cycle.calls.add(CallRecord.failed(config.client.provider(), request, e));
                cycle.failure = e;
                return cycle;
            }
            cycle.calls.add(CallRecord.of(config.client.provider(), request, response, cost(context.time(), response)));
            cycle.lastText = response.text();
            List<ContentBlock.ToolUse> reads = new ArrayList<>();
            for (ContentBlock.ToolUse use : response.toolUses()) {
                if (decide && use.name().equals(DecisionParser.PROPOSE_TOOL)) {
                    cycle.toolCalls.add(new InvocationRecord.ToolCallRecord(use.id(), use.name(), use.input().toString(),
                        "accepted for validation", false));
                    cycle.outcome = parser.parse(request, response);
                    return cycle;
                }
                reads.add(use);
            }
            if (reads.isEmpty()) {
                cycle.outcome = decide ? parser.parse(request, response) : null;
                return cycle;
            }
            List<ContentBlock> results = new ArrayList<>();
            for (ContentBlock.ToolUse use : reads) {
                ContentBlock.ToolResult r = AgentTools.run(use, context, rules, config.greeks);
                results.add(r);
                cycle.toolCalls.add(new InvocationRecord.ToolCallRecord(use.id(), use.name(), use.input().toString(),
                    r.content(), r.error()));
            }
            request = request.toBuilder().message(response.asMessage()).message(new Message(Role.USER, results)).build();
        }
        cycle.outcome = new DecisionOutcome.Failed(List.of("the model was still calling tools after "
            + config.maxToolRounds + " rounds"), cycle.lastText == null ? "" : cycle.lastText);
        return cycle;
    }

    private static final class Cycle {
        final List<CallRecord> calls = new ArrayList<>();
        final List<InvocationRecord.ToolCallRecord> toolCalls = new ArrayList<>();
        DecisionOutcome outcome;
        RuntimeException failure;
        String lastText = "";
    }

    private LlmRequest.Builder base(Prompt prompt) {
        LlmRequest.Builder b = LlmRequest.builder(config.model).system(prompt.system()).user(prompt.user())
            .maxTokens(config.maxTokens);
        if (config.temperature != null) {
            b.temperature(config.temperature);
        }
        if (config.seed != null) {
            b.seed(config.seed);
        }
        return b;
    }

    private DecisionRules rules(DecisionContext context) {
        DecisionRules.Builder b = DecisionRules.builder().maxLeverage(config.maxLeverage)
            .maxPercentOfEquity(config.maxPercentOfEquity).shortingAllowed(config.shortingAllowed);
        AccountView account = context.account();
        for (Instrument i : config.instruments) {
            if (!context.quotes().containsKey(i.id())) {
                continue;
            }
            Price mid = context.mid(i);
            b.price(i, mid);
            Quantity max = OrderSizer.maxQuantity(i, account, mid, config.maxPercentOfEquity, config.maxLeverage);
            b.maxQuantity(i, max.toBigDecimal().signum() > 0 ? max : i.lotSize());
        }
        b.positionsFrom(account);
        return b.build();
    }

    private Prompt prompt(DecisionContext context, DecisionRules rules) {
        PromptBuilder p = PromptBuilder.at(config.history.at(context.time())).account(context.account())
            .bars(config.bars).memory(config.memory.summary(config.tenant));
        if (config.competition != null) {
            p.competition(config.competition.apply(context.time()));
        }
        StringBuilder limits = new StringBuilder("Decide your next action. Largest quantity per decision: ");
        boolean any = false;
        for (Instrument i : config.instruments) {
            if (context.quotes().containsKey(i.id())) {
                p.instrument(i, context.mid(i));
                limits.append(any ? ", " : "").append(i.symbol()).append(' ')
                    .append(rules.maxQuantity(i.symbol()).map(Quantity::toString).orElse("n/a"));
                any = true;
            }
        }
        return p.task(limits.append('.').toString()).build();
    }

    private String cost(Instant time, LlmResponse response) {
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        return config.prices.lookup(config.client.provider(), response.model(), day)
            .or(() -> config.prices.lookup(config.client.provider(), config.model, day))
            .map(p -> p.cost(response.usage()))
            .map(m -> m.toBigDecimal().setScale(ModelPrice.COST_PRECISION, RoundingMode.UNNECESSARY).toPlainString())
            .orElse("unpriced");
    }

    private static String describe(OrderRequest o) {
        return o.side() + " " + o.quantity() + " " + o.instrument().symbol() + (o.reduceOnly() ? " reduce-only" : "")
            + " id " + o.clientOrderId();
    }

    private void audit(Instant at, AuditEntry.Type type, String actor, String detail) {
        config.controls.audit().append(new AuditEntry(at, config.tenant, type, actor, detail));
    }

    /** Total LLM cost of this agent's journaled calls, in USD (unpriced calls count as zero). */
    public static Money cost(InvocationLog log, String tenant) {
        BigDecimal sum = BigDecimal.ZERO;
        for (InvocationRecord r : log.records(tenant)) {
            for (CallRecord c : r.calls()) {
                if (!c.costUsd().equals("unpriced")) {
                    sum = sum.add(new BigDecimal(c.costUsd()));
                }
            }
        }
        return Money.of(sum, ModelPrice.COST_PRECISION, RoundingMode.UNNECESSARY, dev.tradingsdk.core.num.Currency.USD);
    }

    @Override
    public String toString() {
        return "TradingAgent[" + config.tenant + ", " + agentId() + ", " + mode + "]";
    }

    /** Fluent builder; required: instruments, history, controls, log. */
    public static final class Builder {
        private final String tenant;
        private final LlmClient client;
        private final String model;
        private AgentMode mode = AgentMode.CONFIRMATION;
        private List<Instrument> instruments = List.of();
        private MarketHistory history;
        private Function<Instant, CompetitionBrief> competition;
        private BigDecimal maxPercentOfEquity = BigDecimal.valueOf(10);
        private int maxLeverage = 1;
        private boolean shortingAllowed;
        private AgentControls controls;
        private InvocationLog log;
        private PriceTable prices = PriceTable.defaults();
        private AgentMemory memory = AgentMemory.inMemory(20);
        private ApprovalCheck approvalCheck = order -> List.of();
        private Duration proposalTtl = Duration.ofMinutes(15);
        private int maxToolRounds = 3;
        private int maxTokens = 1024;
        private Double temperature;
        private Long seed;
        private int bars = 20;
        private Supplier<GreeksSnapshot> greeks;
        private boolean built;

        private Builder(String tenant, LlmClient client, String model) {
            if (tenant == null || !tenant.matches("[A-Za-z0-9_.:-]{1,40}")) {
                throw new IllegalArgumentException("tenant must be 1-40 characters of [A-Za-z0-9_.:-], was \"" + tenant
                    + "\"");
            }
            this.tenant = tenant;
            this.client = Objects.requireNonNull(client, "client");
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank, was \"" + model + "\"");
            }
            this.model = model;
        }

        public Builder mode(AgentMode m) {
            unbuilt();
            this.mode = Objects.requireNonNull(m, "mode");
            return this;
        }

        public Builder instruments(List<Instrument> list) {
            unbuilt();
            if (list.isEmpty() || list.stream().map(Instrument::symbol).distinct().count() != list.size()) {
                throw new IllegalArgumentException("instruments must be non-empty with distinct symbols, was " + list);
            }
            this.instruments = List.copyOf(list);
            return this;
        }

        /** All bars of the run; each prompt reads them cut at its decision time. */
        public Builder history(MarketHistory h) {
            unbuilt();
            this.history = Objects.requireNonNull(h, "history");
            return this;
        }

        /** The competition as seen at a decision time (rank, standings), for competition participants. */
        public Builder competition(Function<Instant, CompetitionBrief> brief) {
            unbuilt();
            this.competition = Objects.requireNonNull(brief, "competition");
            return this;
        }

        /** Largest notional per decision as a percent of equity (default 10), before leverage. */
        public Builder maxPercentOfEquity(BigDecimal percent) {
            unbuilt();
            this.maxPercentOfEquity = Objects.requireNonNull(percent, "maxPercentOfEquity");
            return this;
        }

        public Builder maxLeverage(int leverage) {
            unbuilt();
            this.maxLeverage = leverage;
            return this;
        }

        public Builder shortingAllowed(boolean allowed) {
            unbuilt();
            this.shortingAllowed = allowed;
            return this;
        }

        public Builder controls(AgentControls c) {
            unbuilt();
            this.controls = Objects.requireNonNull(c, "controls");
            return this;
        }

        public Builder log(InvocationLog l) {
            unbuilt();
            this.log = Objects.requireNonNull(l, "log");
            return this;
        }

        public Builder prices(PriceTable table) {
            unbuilt();
            this.prices = Objects.requireNonNull(table, "prices");
            return this;
        }

        public Builder memory(AgentMemory m) {
            unbuilt();
            this.memory = Objects.requireNonNull(m, "memory");
            return this;
        }

        /** What an approval re-runs at the current prices (default: nothing beyond the engine's own check). */
        public Builder approvalCheck(ApprovalCheck check) {
            unbuilt();
            this.approvalCheck = Objects.requireNonNull(check, "approvalCheck");
            return this;
        }

        public Builder proposalTtl(Duration ttl) {
            unbuilt();
            this.proposalTtl = Objects.requireNonNull(ttl, "proposalTtl");
            return this;
        }

        /**
         * Where the {@code get_greeks} tool reads the options book's greeks, e.g. {@code accountGreeks::snapshot}
         * after recomputing on each price update; without it the model is not offered that tool.
         */
        public Builder greeks(Supplier<GreeksSnapshot> source) {
            if (greeks != null) {
                throw new IllegalStateException("greeks was already set");
            }
            greeks = Objects.requireNonNull(source, "greeks");
            return this;
        }

        public Builder maxToolRounds(int rounds) {
            unbuilt();
            if (rounds < 0 || rounds > 10) {
                throw new IllegalArgumentException("maxToolRounds must be in 0..10, was " + rounds);
            }
            this.maxToolRounds = rounds;
            return this;
        }

        public Builder maxTokens(int tokens) {
            unbuilt();
            if (tokens < 1) {
                throw new IllegalArgumentException("maxTokens must be >= 1, was " + tokens);
            }
            this.maxTokens = tokens;
            return this;
        }

        public Builder temperature(double t) {
            unbuilt();
            this.temperature = t;
            return this;
        }

        public Builder seed(long s) {
            unbuilt();
            this.seed = s;
            return this;
        }

        public Builder bars(int count) {
            unbuilt();
            this.bars = count;
            return this;
        }

        private void unbuilt() {
            if (built) {
                throw new IllegalStateException("agent " + tenant + " is built; its builder cannot change it");
            }
        }

        public TradingAgent build() {
            unbuilt();
            if (instruments.isEmpty()) {
                throw new IllegalStateException("agent " + tenant + " needs instruments");
            }
            if (history == null) {
                throw new IllegalStateException("agent " + tenant + " needs a market history");
            }
            if (controls == null) {
                throw new IllegalStateException("agent " + tenant + " needs agent controls");
            }
            if (log == null) {
                throw new IllegalStateException("agent " + tenant + " needs an invocation log");
            }
            if (maxLeverage < 1 || maxPercentOfEquity.signum() <= 0) {
                throw new IllegalStateException("maxLeverage must be >= 1 and maxPercentOfEquity positive, were "
                    + maxLeverage + " and " + maxPercentOfEquity);
            }
            built = true;
            return new TradingAgent(this);
        }
    }
}
