package dev.tradingsdk.examples;

import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.GammaClient;
import dev.tradingsdk.polymarket.arb.DepthRecording;
import dev.tradingsdk.polymarket.arb.PairCostArbitrage;
import dev.tradingsdk.polymarket.arb.PairCostConfig;
import dev.tradingsdk.polymarket.arb.PairCostStatus;
import dev.tradingsdk.polymarket.arb.PairLeg;
import dev.tradingsdk.polymarket.arb.PairMarket;
import dev.tradingsdk.polymarket.arb.PairPosition;
import dev.tradingsdk.polymarket.arb.PairTrade;
import dev.tradingsdk.polymarket.arb.WindowSource;
import dev.tradingsdk.polymarket.gateway.ClobMarketDataFeed;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The pair-cost arbitrage bot on a Polymarket 15-minute BTC up/down market. Without arguments it replays the two
 * bundled recordings offline (REPLAY) and prints the trades, pair cost, delta, fees and locked profit; with
 * {@code --paper} it trades the current window's live books in a simulated venue (PAPER) until the window ends.
 */
public final class PolymarketArbExample {

    private PolymarketArbExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--paper")) {
            paper(System.out);
        } else {
            replay(System.out);
        }
    }

    /** REPLAY over the bundled recordings. */
    static void replay(PrintStream out) {
        PairCostConfig config = PairCostConfig.builder().build();
        for (String slug : DepthRecording.BUNDLED) {
            DepthRecording recording = DepthRecording.bundled(slug);
            PairCostArbitrage bot = PairCostArbitrage.of(recording.market(), config);
            replayEngine(recording, bot, config).run();
            out.printf("%s: %d books per leg, lowest ask(YES) + ask(NO) %s%n", slug, recording.yes().size(),
                    lowestAskSum(recording).map(Price::toString).orElse("n/a"));
            print(out, bot.status());
        }
    }

    /** The bot on the engine in REPLAY over one recording, against a simulated venue with 1,000 PUSD. */
    static TradingEngine replayEngine(DepthRecording recording, PairCostArbitrage bot, PairCostConfig config) {
        SimulatedClock clock = new SimulatedClock(recording.yes().get(0).timestamp());
        Portfolio account = new Portfolio("replay", Money.of("1000", Currency.PUSD));
        SimulatedVenue venue = SimulatedVenue.builder().fees(config.fees()).build(account, clock);
        return TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock).feed("recording", recording.replay())
                .account(venue, account).rules(PairCostArbitrage.riskRules(config).toArray(new RiskRule[0]))
                .strategy("pair-cost", bot).build();
    }

    /** The lowest ask(YES) + ask(NO) over rows where both asks exist. */
    private static Optional<Price> lowestAskSum(DepthRecording recording) {
        Price lowest = null;
        for (int i = 0; i < Math.min(recording.yes().size(), recording.no().size()); i++) {
            BookSnapshot yes = recording.yes().get(i);
            BookSnapshot no = recording.no().get(i);
            if (yes.bestAsk().isPresent() && no.bestAsk().isPresent()) {
                Price sum = yes.bestAsk().get().plus(no.bestAsk().get());
                lowest = lowest == null || sum.isLessThan(lowest) ? sum : lowest;
            }
        }
        return Optional.ofNullable(lowest);
    }

    /** PAPER on the current BTC window's live books, until it ends (then the next one is found on Gamma). */
    static void paper(PrintStream out) throws InterruptedException {
        GammaClient gamma = GammaClient.builder().build();
        PairMarket market = gamma.currentUpDown("btc").map(PairMarket::of)
                .orElseThrow(() -> new IllegalStateException("no current btc up/down window on Gamma"));
        PairCostConfig config = PairCostConfig.builder().build();
        PairCostArbitrage bot = PairCostArbitrage.of(market, config, WindowSource.none(), null);
        Portfolio account = new Portfolio("paper", Money.of("1000", Currency.PUSD));
        SimulatedVenue venue = SimulatedVenue.builder().fees(config.fees()).build(account, Clock.system());
        try (ClobMarketDataFeed feed = ClobMarketDataFeed.of(market.tokens(), stream -> stream, Clock.system());
                TradingEngine engine = TradingEngine.builder().mode(EngineMode.PAPER).feed("clob", feed)
                        .account(venue, account).strategy("pair-cost", bot).build()) {
            engine.start();
            out.printf("PAPER on %s until %s%n", market.slug(), market.end());
            while (Clock.system().now().isBefore(market.end().plusSeconds(5))) {
                Thread.sleep(Duration.ofSeconds(15).toMillis());
                print(out, bot.status());
            }
        }
    }

    static void print(PrintStream out, PairCostStatus status) {
        printTrades(out, status);
        PairPosition position = status.settled().isEmpty() ? status.position()
                : status.settled().get(status.settled().size() - 1).position();
        out.printf("  trades %d, YES %s, NO %s, pair cost %s, delta %s, fees %s, locked profit %s, risk %s%n",
                status.trades().size(), position.shares(PairLeg.YES), position.shares(PairLeg.NO),
                position.pairCost().map(Price::toString).orElse("-"), position.delta(), position.feesPaid(),
                position.lockedProfit(), status.riskLevel());
    }

    /** One line per fill the bot made. */
    static void printTrades(PrintStream out, PairCostStatus status) {
        for (PairTrade trade : status.trades()) {
            out.printf("  %s %s %s %s @ %s fee %s%n", trade.at(), trade.side(), trade.shares(), trade.leg(),
                    trade.price(), trade.fee());
        }
    }
}
