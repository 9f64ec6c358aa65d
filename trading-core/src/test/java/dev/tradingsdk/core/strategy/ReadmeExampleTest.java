package dev.tradingsdk.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.ReadmeBlocks;
import dev.tradingsdk.core.backtest.EmaCrossover;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example in README-strategy.md, which must stay identical to the marked part of {@link #readmeExample()}. */
class ReadmeExampleTest {

    /** A zig-zag of one-minute bars: up ten, down ten, so the averages cross. */
    private static List<Bar> zigZag(Instrument instrument, int count) {
        List<Bar> bars = new ArrayList<>();
        int price = 100;
        for (int i = 0; i < count; i++) {
            price += (i / 10) % 2 == 0 ? 1 : -1;
            bars.add(EngineFixtures.bar(instrument, i, Integer.toString(price)));
        }
        return bars;
    }

    @Test
    void readmeExample() throws InterruptedException {
        Instrument btc = EngineFixtures.BTC;
        List<Bar> bars = zigZag(btc, 120);
        Instant start = EngineFixtures.T0;
        SimulatedClock feedClock = new SimulatedClock(start);
        EngineFixtures.ScriptedFeed liveFeed = new EngineFixtures.ScriptedFeed(feedClock);
        // README example begins
        // REPLAY: recorded bars on simulated time, as fast as possible.
        Portfolio replayAccount = new Portfolio("sma", Money.of("100000", Currency.USD));
        TradingEngine replay = TradingEngine.builder()
                .mode(EngineMode.REPLAY)
                .clock(new SimulatedClock(start))
                .feed("bars", MarketReplay.of(List.of(bars.iterator())))
                .simulatedAccount(replayAccount, SimulatedVenue.builder().fees(FeeModel.bps("10")))
                .rules(new MaxOrderNotionalRule(Money.of("50000", Currency.USD)),
                        new CircuitBreakerRule(3, Money.of("500", Currency.USD)))
                .strategy("sma", new EmaCrossover(btc, 3, 8, Quantity.of("0.5")))
                .build();
        replay.run();

        // PAPER: the same strategy and rules on a live feed, filled by the simulated venue at live prices.
        Portfolio paperAccount = new Portfolio("sma", Money.of("100000", Currency.USD));
        TradingEngine paper = TradingEngine.builder()
                .mode(EngineMode.PAPER)
                .clock(feedClock)                     // the feed's clock in this test; by default the system's
                .feed("bars", liveFeed)
                .simulatedAccount(paperAccount, SimulatedVenue.builder().fees(FeeModel.bps("10")))
                .rules(new MaxOrderNotionalRule(Money.of("50000", Currency.USD)),
                        new CircuitBreakerRule(3, Money.of("500", Currency.USD)))
                .strategy("sma", new EmaCrossover(btc, 3, 8, Quantity.of("0.5")))
                .build();
        paper.start();                                // the loop runs on its own thread
        liveFeed.play(bars);                          // here the "live" feed delivers the same bars
        EngineFixtures.awaitEvents(paper, bars.size());
        EngineStatus status = paper.status();         // callable from any thread, as are halt/resume/flatten
        paper.stop();

        assertThat(paperAccount.cash()).isEqualTo(replayAccount.cash());
        assertThat(status.account("sma").equity()).isEqualTo(replayAccount.equity());
        // README example ends
        assertThat(replayAccount.cash()).isNotEqualTo(Money.of("100000", Currency.USD));
    }

    @Test
    void readmeShowsExactlyTheExample() throws IOException {
        ReadmeBlocks.assertFirstBlockIsTheExample("README-strategy.md",
                "src/test/java/dev/tradingsdk/core/strategy/ReadmeExampleTest.java");
    }
}
