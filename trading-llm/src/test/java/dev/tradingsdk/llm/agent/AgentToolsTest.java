package dev.tradingsdk.llm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.options.GreeksSnapshot;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.ToolDefinition;
import dev.tradingsdk.llm.decision.DecisionRules;
import dev.tradingsdk.llm.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read-only tools, the options greeks one in particular. */
class AgentToolsTest {

    private static final Instrument ES = Instrument.builder("ESZ6", Venue.of("CME")).assetClass(AssetClass.FUTURE)
            .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.25").sizePrecision(0).multiplier("50")
            .underlying("ES").build();

    private final DecisionContext context = new DecisionContext(Instant.parse("2026-11-02T15:00:00Z"),
            new Portfolio("tenant-a", Money.of("100000", Currency.USD)), Map.of());
    private final DecisionRules rules = DecisionRules.builder().instrument(ES).build();
    private final GreeksSnapshot snapshot = new GreeksSnapshot("tenant-a", 0L,
            List.of(new GreeksSnapshot.Underlying("ES", -12.5, 0.75, 310.0, -95.5, true)), 1);

    @Test
    void the_greeks_tool_is_offered_only_with_a_source() {
        assertThat(AgentTools.readOnly(false)).extracting(ToolDefinition::name).doesNotContain(AgentTools.GREEKS);
        assertThat(AgentTools.readOnly(true)).extracting(ToolDefinition::name).contains(AgentTools.GREEKS);
    }

    @Test
    void the_greeks_tool_reports_each_underlying_of_the_snapshot() {
        ContentBlock.ToolResult result = AgentTools.run(new ContentBlock.ToolUse("t1", AgentTools.GREEKS,
                Json.read("{}")), context, rules, () -> snapshot);
        assertThat(result.error()).isFalse();
        JsonNode json = Json.read(result.content());
        assertThat(json.get("account").asText()).isEqualTo("tenant-a");
        assertThat(json.get("positions_outside_book").asInt()).isEqualTo(1);
        JsonNode es = json.get("underlyings").get(0);
        assertThat(es.get("underlying").asText()).isEqualTo("ES");
        assertThat(es.get("net_delta").asDouble()).isEqualTo(-12.5);
        assertThat(es.get("gamma").asDouble()).isEqualTo(0.75);
        assertThat(es.get("vega").asDouble()).isEqualTo(310.0);
        assertThat(es.get("theta").asDouble()).isEqualTo(-95.5);
        assertThat(es.get("complete").asBoolean()).isTrue();
    }

    @Test
    void without_a_source_the_greeks_tool_is_an_unknown_tool_the_model_can_read() {
        ContentBlock.ToolResult result = AgentTools.run(new ContentBlock.ToolUse("t2", AgentTools.GREEKS,
                Json.read("{}")), context, rules, null);
        assertThat(result.error()).isTrue();
        assertThat(result.content()).contains("unknown tool").contains(AgentTools.GREEKS);
    }
}
