package dev.tradingsdk.polymarket.arb;

import static dev.tradingsdk.polymarket.arb.ArbFixtures.T0;
import static dev.tradingsdk.polymarket.arb.ArbFixtures.book;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.strategy.StrategyDetail;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classic failure: one leg fills, then the other leg's liquidity vanishes. */
class LegRiskTest {
    private final PairMarket market = PairMarket.of("vanish", "up", "down", T0.plus(Duration.ofMinutes(10)));

    /**
     * Cheap books at 0 ms (the YES order fills at the next YES book), then NO's asks vanish and come back only at
     * 0.60 (a pair of 1.03).
     */
    private List<BookSnapshot> oneLegThenNothing(String laterYesBid) {
        List<BookSnapshot> events = new ArrayList<>();
        events.add(book(market, PairLeg.YES, 0, "0.38", "100", "0.4", "100"));
        events.add(book(market, PairLeg.NO, 0, "0.48", "100", "0.5", "100"));
        for (long t = 100; t <= 8_000; t += 100) {
            events.add(book(market, PairLeg.YES, t, laterYesBid, "100", "0.4", "100"));
            events.add(t < 1_500 ? book(market, PairLeg.NO, t, "0.45", "100", null, null)
                    : book(market, PairLeg.NO, t, "0.45", "100", "0.6", "100"));
        }
        return events;
    }

    @Test
    void deltaStaysBoundedTheEqualizerNeverPaysAboveTheLimitAndTheLegRiskTimerUnwinds() {
        PairCostArbitrage bot = PairCostArbitrage.of(market, PairCostConfig.builder().mode(QuotingMode.TAKER_ONLY).build());
        ArbFixtures.replay(ArbFixtures.feed(oneLegThenNothing("0.38")), T0, bot, PolymarketFeeModel.crypto())
                .engine().run();
        List<PairTrade> trades = bot.status().trades();
        // Bought 10 YES at 0.40; NO never cheap enough again (0.60 + 0.0168 + 0.4168 > 0.995), so no NO is bought;
        // after 2 s unhedged the leg-risk timer sells the 10 YES at the 0.38 bid.
        assertThat(trades).extracting(PairTrade::leg, PairTrade::side, PairTrade::shares, PairTrade::price)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PairLeg.YES, Side.BUY, Quantity.of("10", 2),
                                Price.of("0.4", 3)),
                        org.assertj.core.groups.Tuple.tuple(PairLeg.YES, Side.SELL, Quantity.of("10", 2),
                                Price.of("0.38", 3)));
        assertThat(trades.get(1).at()).isBetween(T0.plusSeconds(2), T0.plusSeconds(4));
        assertThat(bot.status().position().isFlat()).isTrue();
        assertThat(bot.status().riskLevel()).isNotEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void theStopLossLiquidatesWhenTheHeldLegCollapses() {
        // Leg risk tolerated for a minute, so the risk loop (every 5 s) meets the collapse first: YES bid 0.20 makes
        // the 10 YES worth 2.00 against 4.168 paid, a loss of 2.168 over the 2 % × 100 = 2.00 stop.
        PairCostArbitrage bot = PairCostArbitrage.of(market, PairCostConfig.builder().mode(QuotingMode.TAKER_ONLY)
                .legRisk("10", Duration.ofMinutes(1)).stopLoss("100", "2").build());
        TradingEngine engine = ArbFixtures.replay(ArbFixtures.feed(oneLegThenNothing("0.2")), T0, bot,
                PolymarketFeeModel.crypto()).engine();
        engine.run();
        PairCostStatus status = bot.status();
        assertThat(status.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        // The operator's view of the same: the engine's status carries the bot's risk level and figures.
        StrategyDetail detail = engine.status().strategy("pca").detail().orElseThrow();
        assertThat(detail.level()).isEqualTo("CRITICAL");
        assertThat(detail.fields()).containsEntry("slug", status.slug()).containsEntry("halted", "true")
                .containsEntry("yesShares", status.position().shares(PairLeg.YES).toString())
                .containsEntry("trades", "2").containsEntry("pairCost", "none");
        assertThat(status.halted()).isTrue();
        assertThat(status.trades()).extracting(PairTrade::side, PairTrade::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.BUY, Price.of("0.4", 3)),
                        org.assertj.core.groups.Tuple.tuple(Side.SELL, Price.of("0.2", 3)));
        assertThat(status.trades().get(1).at()).isEqualTo(T0.plusSeconds(5));
        assertThat(status.position().isFlat()).isTrue();
        assertThat(status.trades()).allSatisfy(t -> assertThat(t.leg()).isEqualTo(PairLeg.YES));
    }

    @Test
    void withAnEmergencyHandlerTheStopLossHandsTheLiquidationToTheOperatorOnce() {
        List<String> reasons = new ArrayList<>();
        PairCostArbitrage bot = PairCostArbitrage.of(market, PairCostConfig.builder().mode(QuotingMode.TAKER_ONLY)
                .legRisk("10", Duration.ofMinutes(1)).stopLoss("100", "2").build(), WindowSource.none(), reasons::add);
        ArbFixtures.replay(ArbFixtures.feed(oneLegThenNothing("0.2")), T0, bot, PolymarketFeeModel.crypto())
                .engine().run();
        // The handler (in production: engine.flatten on another thread) is told once; the bot itself sells nothing.
        assertThat(reasons).singleElement().asString().startsWith("stop-loss: mark-to-market loss 2.168");
        assertThat(bot.status().halted()).isTrue();
        assertThat(bot.status().trades()).extracting(PairTrade::side).containsExactly(Side.BUY);
    }
}
