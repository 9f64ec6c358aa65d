package dev.tradingsdk.core.strategy;

import static dev.tradingsdk.core.strategy.EngineFixtures.BTC;
import static dev.tradingsdk.core.strategy.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.time.SimulatedClock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A strategy implementing {@link StatusDetailSource} shows its own detail in the engine's status. */
class StrategyDetailTest {

    /** Counts events and publishes a level from the count. */
    static final class Counting implements Strategy, StatusDetailSource {
        int events;

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribe(BTC);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            events++;
        }

        @Override
        public StrategyDetail statusDetail() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("events", Integer.toString(events));
            fields.put("last", "BTC");
            return new StrategyDetail(events < 3 ? "WARMING_UP" : "READY", fields);
        }
    }

    @Test
    void theStatusCarriesEachStrategysDetailTakenWhenTheStatusIs() {
        List<Bar> bars = List.of(EngineFixtures.bar(BTC, 0, "100"), EngineFixtures.bar(BTC, 1, "101"),
                EngineFixtures.bar(BTC, 2, "102"));
        Portfolio account = new Portfolio("sim", Money.of("1000", Currency.USD));
        Counting counting = new Counting();
        Strategy plain = (event, context) -> { };
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(new SimulatedClock(T0))
                .feed("bars", MarketReplay.of(List.of(bars.iterator())))
                .simulatedAccount(account, SimulatedVenue.builder()).strategy("counting", counting)
                .strategy("plain", plain).strategy("throwing", new ThrowingDetail()).build();
        engine.run();

        EngineStatus status = engine.status();
        StrategyDetail detail = status.strategy("counting").detail().orElseThrow();
        assertThat(detail.level()).isEqualTo("READY");
        assertThat(detail.fields()).containsExactly(Map.entry("events", "3"), Map.entry("last", "BTC"));
        assertThat(status.strategy("plain").detail()).isEmpty();
        // A strategy failing to describe itself is shown without a detail and not stopped for it.
        assertThat(status.strategy("throwing").detail()).isEmpty();
        assertThat(status.strategy("throwing").state()).isEqualTo(StrategyState.STOPPED);
    }

    /** A strategy that fails to describe itself. */
    private static final class ThrowingDetail implements Strategy, StatusDetailSource {
        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
        }

        @Override
        public StrategyDetail statusDetail() {
            throw new IllegalStateException("not ready");
        }
    }

    @Test
    void aDetailIsImmutableAndChecked() {
        Map<String, String> fields = new HashMap<>();
        fields.put("delta", "0.5");
        StrategyDetail detail = new StrategyDetail("LOW", fields);
        fields.put("delta", "9");
        assertThat(detail.fields()).containsExactly(Map.entry("delta", "0.5"));
        assertThatThrownBy(() -> detail.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> StrategyDetail.of(" ")).hasMessageContaining("level must not be blank");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("delta", null);
        assertThatThrownBy(() -> new StrategyDetail("LOW", nullValue)).hasMessageContaining("value of field delta");
        assertThatThrownBy(() -> new StrategyDetail("LOW", Map.of("", "1"))).hasMessageContaining("field names");
    }
}
