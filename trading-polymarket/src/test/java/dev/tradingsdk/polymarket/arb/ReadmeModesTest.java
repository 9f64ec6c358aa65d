package dev.tradingsdk.polymarket.arb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.ClobClient;
import dev.tradingsdk.polymarket.ClobStream;
import dev.tradingsdk.polymarket.gateway.ClobMarketDataFeed;
import dev.tradingsdk.polymarket.gateway.ClobOrderGateway;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's three modes are this code; REPLAY runs here, PAPER and LIVE need the network and a funded key. */
class ReadmeModesTest {

    // README modes start
    static PairCostStatus replay(String slug) {                  // REPLAY: a bundled recording, simulated time
        DepthRecording recording = DepthRecording.bundled(slug);
        PairCostConfig config = PairCostConfig.builder().target("0.98").chunk("10").maxDelta("20").build();
        PairCostArbitrage bot = PairCostArbitrage.of(recording.market(), config);
        SimulatedClock clock = new SimulatedClock(recording.yes().get(0).timestamp());
        Portfolio account = new Portfolio("replay", Money.of("1000", Currency.PUSD));
        SimulatedVenue venue = SimulatedVenue.builder().fees(config.fees()).build(account, clock);
        TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock).feed("recording", recording.replay())
                .account(venue, account).rules(PairCostArbitrage.riskRules(config).toArray(new RiskRule[0]))
                .strategy("pair-cost", bot).build().run();
        return bot.status();
    }

    static TradingEngine paper(PairMarket market) {               // PAPER: live books, simulated fills
        PairCostConfig config = PairCostConfig.builder().build();
        PairCostArbitrage bot = PairCostArbitrage.of(market, config);
        Portfolio account = new Portfolio("paper", Money.of("1000", Currency.PUSD));
        SimulatedVenue venue = SimulatedVenue.builder().fees(config.fees()).build(account, Clock.system());
        ClobMarketDataFeed feed = ClobMarketDataFeed.of(market.tokens(), stream -> stream, Clock.system());
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.PAPER).feed("clob", feed)
                .account(venue, account).strategy("pair-cost", bot).build();
        engine.start();
        return engine;
    }

    static TradingEngine live(ClobClient clob, ApiCredentials keys, PairMarket market, Path journal) {
        PairCostConfig config = PairCostConfig.builder().build(); // LIVE: orders on the CLOB, journaled
        ClobOrderGateway gateway = new ClobOrderGateway(clob, market.tokens(), config.fees(), Clock.system());
        Portfolio ledger = new Portfolio("polymarket", Money.of("1000", Currency.PUSD)); // fills booked locally
        gateway.addListener(new OrderListener() {
            @Override
            public void onOrderUpdate(Order order) {
            }

            @Override
            public void onFill(Fill fill, Order order) {
                ledger.apply(fill);
            }
        });
        ClobStream.user(keys, List.of()).listener(gateway.userChannelListener()).build().connect();
        ClobMarketDataFeed feed = ClobMarketDataFeed.of(market.tokens(), stream -> stream.tickSizes(clob),
                Clock.system());
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.LIVE).feed("clob", feed)
                .account(gateway, ledger).rules(PairCostArbitrage.riskRules(config).toArray(new RiskRule[0]))
                .strategy("pair-cost", PairCostArbitrage.of(market, config)).journal(journal, FsyncPolicy.everyRecord())
                .build();
        engine.start();
        return engine;
    }
    // README modes end

    @Test
    void theReplayModeRunsOverABundledRecording() {
        PairCostStatus status = replay("btc-updown-15m-1767397500");
        assertThat(status.trades()).isEmpty();
        assertThat(status.position().isFlat()).isTrue();
    }

    @Test
    void readmeShowsExactlyTheTestedCode() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/polymarket/arb/ReadmeModesTest.java"),
                StandardCharsets.UTF_8);
        String start = "    // README modes start\n";
        String modes = source.substring(source.indexOf(start) + start.length(),
                source.indexOf("    // README modes end"));
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains(modes);
    }
}
