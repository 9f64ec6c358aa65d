package dev.tradingsdk.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedVenueBuilderTest {

    @Test
    void aSecondFeesCallIsRefusedNamingBothModels() {
        FeeModel first = FeeModel.bps("10");
        FeeModel second = FeeModel.bps("20");
        SimulatedVenue.Builder builder = SimulatedVenue.builder().fees(first);

        assertThatThrownBy(() -> builder.fees(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("fees set twice: " + first + " and " + second);
    }

    @Test
    void aSecondSlippageCallIsRefusedNamingBothModels() {
        SlippageModel first = SlippageModel.ticks(1);
        SlippageModel second = SlippageModel.ticks(2);
        SimulatedVenue.Builder builder = SimulatedVenue.builder().slippage(first);

        assertThatThrownBy(() -> builder.slippage(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("slippage set twice: " + first + " and " + second);
    }

    @Test
    void aSecondLatencyOrSeedIsRefusedNamingBothValues() {
        SimulatedVenue.Builder builder = SimulatedVenue.builder().latency(Duration.ofMillis(5)).seed(7);

        assertThatThrownBy(() -> builder.latency(Duration.ofMillis(10)))
                .isInstanceOf(IllegalStateException.class).hasMessage("latency set twice: PT0.005S and PT0.01S");
        assertThatThrownBy(() -> builder.seed(8))
                .isInstanceOf(IllegalStateException.class).hasMessage("seed set twice: 7 and 8");
    }

    @Test
    void aRefusedOptionLeavesTheBuilderUsable() {
        SimulatedVenue.Builder builder = SimulatedVenue.builder().latency(Duration.ofMillis(5));
        assertThatThrownBy(() -> builder.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.latency(Duration.ofMillis(10))).isInstanceOf(IllegalStateException.class);

        SimulatedVenue venue = builder.build(new Portfolio("test", Money.of("1000", Currency.USD)),
                new SimulatedClock(Bars.DAY0));
        assertThat(venue).isNotNull();
    }

    @Test
    void backtestForwardsTheVenueOptionsAndRefusesTheSameDuplicates() {
        Backtest.Builder builder = Backtest.builder().seed(1);

        assertThatThrownBy(() -> builder.seed(2))
                .isInstanceOf(IllegalStateException.class).hasMessage("seed set twice: 1 and 2");
    }
}
