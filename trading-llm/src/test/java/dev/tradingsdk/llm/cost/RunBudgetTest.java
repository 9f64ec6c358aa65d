package dev.tradingsdk.llm.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.llm.LlmClient;
import dev.tradingsdk.llm.LlmException;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.Usage;
import dev.tradingsdk.llm.log.ScriptedLlm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RunBudgetTest {

    private static final SimulatedClock CLOCK = new SimulatedClock(Instant.parse("2026-06-01T00:00:00Z"));

    private static BigDecimal dollars(Money m) {
        return m.ratioTo(Money.of("1", Currency.USD), 9, RoundingMode.UNNECESSARY);
    }

    @Test
    void costsAreExactPerCategory() {
        ModelPrice sonnet = PriceTable.defaults().lookup("anthropic", "claude-sonnet-4-5-20250929", LocalDate.of(2026, 6, 1))
            .orElseThrow();
        // 1000 in x $3 + 500 out x $15 + 2000 cache read x $0.30 + 400 cache write x $3.75, per million.
        assertThat(dollars(sonnet.cost(new Usage(1000, 500, 2000, 400, 0)))).isEqualByComparingTo("0.0126");
        ModelPrice mini = PriceTable.defaults().lookup("openai", "gpt-4o-mini-2024-07-18", LocalDate.of(2026, 6, 1))
            .orElseThrow();
        assertThat(mini.modelPrefix()).isEqualTo("gpt-4o-mini");
        assertThat(dollars(mini.cost(new Usage(1, 0, 0, 0, 0)))).isEqualByComparingTo("0.00000015");
        assertThat(dollars(PriceTable.defaults().cost("ollama", "qwen2.5:7b", LocalDate.of(2026, 6, 1),
            new Usage(100000, 100000, 0, 0, 0)).orElseThrow())).isEqualByComparingTo("0");
    }

    @Test
    void pricesAreDated() {
        PriceTable table = PriceTable.builder()
            .price("anthropic", "claude-sonnet-4", LocalDate.of(2026, 1, 1), "3", "15", "0.3", "3.75", "old")
            .price("anthropic", "claude-sonnet-4", LocalDate.of(2026, 9, 1), "2", "10", "0.2", "2.5", "new").build();
        assertThat(table.lookup("anthropic", "claude-sonnet-4-5", LocalDate.of(2026, 8, 31)).orElseThrow().source())
            .isEqualTo("old");
        assertThat(table.lookup("anthropic", "claude-sonnet-4-5", LocalDate.of(2026, 9, 1)).orElseThrow().source())
            .isEqualTo("new");
        assertThat(table.lookup("anthropic", "claude-sonnet-4-5", LocalDate.of(2025, 12, 31))).isEmpty();
        assertThatThrownBy(() -> PriceTable.builder()
            .price("a", "m", LocalDate.of(2026, 1, 1), "1", "1", "1", "1", "x")
            .price("a", "m", LocalDate.of(2026, 1, 1), "2", "2", "2", "2", "y"))
            .hasMessageContaining("two prices");
        assertThatThrownBy(() -> new ModelPrice("a", "m", LocalDate.of(2026, 1, 1), new BigDecimal("-1"),
            BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, "x")).hasMessageContaining("input price");
    }

    @Test
    void tokenBudgetStopsBeforeTheCallThatWouldExceedIt() {
        ScriptedLlm model = ScriptedLlm.answering(r -> "ok");
        RunBudget budget = RunBudget.builder(PriceTable.defaults(), CLOCK).maxTokens(1000).build();
        LlmClient guarded = budget.guard(model);
        LlmRequest small = LlmRequest.builder("m").maxTokens(100).user("hello").build();
        guarded.complete(small);
        long used = budget.spent().usage().totalTokens();
        assertThat(used).isPositive();
        LlmRequest big = LlmRequest.builder("m").maxTokens(990).user("hello").build();
        assertThatThrownBy(() -> guarded.complete(big)).isInstanceOf(LlmException.BudgetExceeded.class)
            .hasMessageContaining("token budget 1000");
        assertThat(budget.spent().usage().totalTokens()).isEqualTo(used);
        assertThat(budget.spent().attempts()).isEqualTo(1);
    }

    @Test
    void dollarBudgetFailsClosedOnUnknownPrices() {
        RunBudget budget = RunBudget.builder(PriceTable.defaults(), CLOCK).maxCost(Money.of("0.01", Currency.USD)).build();
        assertThatThrownBy(() -> budget.reserve("anthropic", LlmRequest.builder("claude-unknown-9").user("x").build()))
            .isInstanceOf(LlmException.BudgetExceeded.class).hasMessageContaining("no price");
        // Opus: 5 + 25 per million; 1024 output tokens alone cost 0.0256 > 0.01.
        assertThatThrownBy(() -> budget.reserve("anthropic", LlmRequest.builder("claude-opus-4-6").user("x").build()))
            .isInstanceOf(LlmException.BudgetExceeded.class).hasMessageContaining("dollar budget");
        RunBudget.Reservation ok = budget.reserve("anthropic",
            LlmRequest.builder("claude-opus-4-6").maxTokens(100).user("x").build());
        budget.settle(ok, "claude-opus-4-6", new Usage(10, 20, 0, 0, 0));
        assertThat(dollars(budget.spent().cost())).isEqualByComparingTo("0.00055");
    }

    @Test
    void aBudgetNeedsALimit() {
        assertThatThrownBy(() -> RunBudget.builder(PriceTable.defaults(), CLOCK).build())
            .hasMessageContaining("maxTokens, maxCost or maxCalls");
        assertThatThrownBy(() -> RunBudget.builder(PriceTable.defaults(), CLOCK).maxCost(Money.of("1", Currency.EUR)))
            .hasMessageContaining("USD");
    }
}
