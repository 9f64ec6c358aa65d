package dev.tradingsdk.llm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.http.Secret;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.llm.client.AnthropicClient;
import dev.tradingsdk.llm.client.OpenAiClient;
import dev.tradingsdk.llm.cost.PriceTable;
import dev.tradingsdk.llm.cost.RunBudget;
import dev.tradingsdk.llm.council.Council;
import dev.tradingsdk.llm.decision.DecisionRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The llm builders refuse an option set twice, naming both values, and the API key by type only. */
class BuilderOptionsTest {
    private static final String KEY = "sk-ant-not-a-real-key-0123456789";
    private static final Instrument AAPL = Instrument.builder("AAPL", Venue.of("NASDAQ"))
        .assetClass(AssetClass.EQUITY).quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();

    @Test
    void clientsRefuseAnOptionSetTwiceAndNameTheKeyByTypeOnly() {
        assertThatThrownBy(() -> AnthropicClient.builder().readTimeout(Duration.ofSeconds(30))
            .readTimeout(Duration.ofSeconds(60)))
            .isInstanceOf(IllegalStateException.class).hasMessage("readTimeout set twice: PT30S and PT1M");
        assertThatThrownBy(() -> AnthropicClient.builder().apiKey(Secret.of(KEY))
            .fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY + "-2")))
            .isInstanceOf(IllegalStateException.class).hasMessage("apiKey set twice: a Secret and a Secret");
        assertThatThrownBy(() -> OpenAiClient.compatible("ollama").baseUrl("http://localhost:11434/v1")
            .fromEnvironment(Map.of("LLM_BASE_URL", "http://localhost:8080/v1")))
            .hasMessage("baseUrl set twice: http://localhost:11434/v1 and http://localhost:8080/v1");
        assertThatThrownBy(() -> OpenAiClient.builder().retryPolicy(RetryPolicy.none())
            .retryPolicy(RetryPolicy.defaults()))
            .hasMessage("retryPolicy set twice: " + RetryPolicy.none() + " and " + RetryPolicy.defaults());
    }

    @Test
    void runBudgetRefusesALimitSetTwice() {
        RunBudget.Builder budget = RunBudget.builder(PriceTable.defaults(),
            new SimulatedClock(Instant.parse("2026-06-01T00:00:00Z")));
        assertThatThrownBy(() -> budget.maxCalls(10).maxCalls(20))
            .isInstanceOf(IllegalStateException.class).hasMessage("maxCalls set twice: 10 and 20");
    }

    @Test
    void councilRefusesAnOptionSetTwice() {
        assertThatThrownBy(() -> Council.builder("c").quorum(2).quorum(3))
            .isInstanceOf(IllegalStateException.class).hasMessage("quorum set twice: 2 and 3");
        assertThatThrownBy(() -> Council.builder("c").limits(BigDecimal.TEN, 1, false).limits(BigDecimal.ONE, 2, true))
            .hasMessage("limits set twice: 10%/1x/shorting false and 1%/2x/shorting true");
    }

    @Test
    void decisionRulesRefuseASymbolsValueSetTwice() {
        assertThatThrownBy(() -> DecisionRules.builder().price(AAPL, Price.of("190.00")).price(AAPL, Price.of("191.00")))
            .isInstanceOf(IllegalStateException.class).hasMessage("price of AAPL set twice: 190.00 and 191.00");
        assertThatThrownBy(() -> DecisionRules.builder().maxLeverage(2).maxLeverage(3))
            .hasMessage("maxLeverage set twice: 2 and 3");
    }

    @Test
    void requestRefusesAnOptionSetTwice() {
        assertThatThrownBy(() -> LlmRequest.builder("claude-sonnet-4-6").maxTokens(100).maxTokens(200))
            .isInstanceOf(IllegalStateException.class).hasMessage("maxTokens set twice: 100 and 200");
    }
}
