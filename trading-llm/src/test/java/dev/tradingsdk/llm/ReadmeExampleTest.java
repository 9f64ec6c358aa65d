package dev.tradingsdk.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.llm.agent.AgentControls;
import dev.tradingsdk.llm.agent.AgentMode;
import dev.tradingsdk.llm.agent.AuditLog;
import dev.tradingsdk.llm.agent.Proposal;
import dev.tradingsdk.llm.agent.TradingAgent;
import dev.tradingsdk.llm.decision.DecisionOutcome;
import dev.tradingsdk.llm.decision.DecisionParser;
import dev.tradingsdk.llm.decision.DecisionRules;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.ScriptedLlm;
import dev.tradingsdk.llm.prompt.MarketHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The examples in trading-llm/README.md, verbatim between the markers. */
class ReadmeExampleTest {

    private final Instrument aapl = Instrument.builder("AAPL", Venue.of("NASDAQ")).assetClass(AssetClass.EQUITY)
        .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();

    @Test
    void parse() {
        // README parse begin
        DecisionParser parser = new DecisionParser(DecisionRules.builder()
            .price(aapl, Price.of("190.12")).maxQuantity(aapl, Quantity.of("100")).build());
        DecisionOutcome outcome = parser.parse("<think>trend is up</think>\n```json\n{\"action\":\"BUY\","
            + "\"symbol\":\"AAPL\",\"quantity\":10,\"confidence\":0.72,\"stop_loss\":182.5,\"take_profit\":\"N/A\"}\n```");
        if (outcome instanceof DecisionOutcome.Decided d) {
            assertThat(d.decision().quantity()).isEqualTo(Quantity.of("10"));
            assertThat(d.decision().takeProfit()).isNull();
        }
        assertThat(parser.parse("I would buy AAPL.")).isInstanceOf(DecisionOutcome.Failed.class);
        // README parse end
        assertThat(outcome).isInstanceOf(DecisionOutcome.Decided.class);
    }

    @Test
    void agent() {
        Instant t = Instant.parse("2026-11-02T15:00:00Z");
        List<Bar> bars = List.of(new Bar(aapl, t.minus(Duration.ofDays(1)), t, Price.of("189.00"), Price.of("191.00"),
            Price.of("188.50"), Price.of("190.12"), Quantity.of("1000")));
        Quote quote = new Quote(aapl, t, Price.of("190.10"), Quantity.of("100"), Price.of("190.14"), Quantity.of("100"));
        // README agent begin
        ScriptedLlm model = ScriptedLlm.answering(request -> "{\"action\":\"BUY\",\"symbol\":\"AAPL\","
            + "\"quantity\":5,\"confidence\":0.6,\"reasoning\":\"breakout\"}");
        InvocationLog log = InvocationLog.inMemory();
        AgentControls controls = new AgentControls(() -> false, AuditLog.inMemory());
        TradingAgent agent = TradingAgent.builder("desk-1", model, "claude-sonnet-4-5")
            .mode(AgentMode.CONFIRMATION).instruments(List.of(aapl)).history(MarketHistory.of(bars))
            .maxPercentOfEquity(new java.math.BigDecimal("50")).controls(controls).log(log).build();

        Portfolio account = new Portfolio("acct-1", Money.of("10000.00", Currency.USD));
        List<OrderRequest> now = agent.decide(new DecisionContext(t, account, Map.of(aapl.id(), quote)));
        Proposal proposal = agent.proposals().pending().get(0);
        agent.proposals().approve(proposal.id(), "alice", t.plusSeconds(30));
        List<OrderRequest> next = agent.decide(new DecisionContext(t.plusSeconds(60), account, Map.of(aapl.id(), quote)));
        // README agent end
        assertThat(now).isEmpty();
        assertThat(next).hasSize(1);
        assertThat(next.get(0).quantity()).isEqualTo(Quantity.of("5"));
        assertThat(log.records()).hasSize(2);
    }

    @Test
    void readmeShowsTheseExamplesVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/llm/ReadmeExampleTest.java"));
        String readme = Files.readString(Path.of("README.md"));
        for (String name : List.of("parse", "agent")) {
            Matcher m = Pattern.compile("// README " + name + " begin\\n(.*?)\\n\\s*// README " + name + " end",
                Pattern.DOTALL).matcher(source);
            assertThat(m.find()).as(name + " markers").isTrue();
            String example = m.group(1).lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
            assertThat(readme).contains("```java\n" + example + "\n```");
        }
    }
}
