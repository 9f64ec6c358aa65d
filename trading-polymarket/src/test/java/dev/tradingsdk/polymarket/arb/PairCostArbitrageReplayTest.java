package dev.tradingsdk.polymarket.arb;

import static dev.tradingsdk.polymarket.arb.ArbFixtures.T0;
import static dev.tradingsdk.polymarket.arb.ArbFixtures.book;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.strategy.StrategyState;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PairCostArbitrageReplayTest {

    private static Money usd(String text) {
        return Money.of(text, 6, Currency.PUSD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"btc-updown-15m-1767398400", "btc-updown-15m-1767397500"})
    void doesNothingOverTheSharedRecordingsWhereTheBooksNeverSumBelowOne(String slug) {
        DepthRecording recording = ArbFixtures.recording(slug);
        assertThat(recording.yes()).as("one-side-empty rows are read as one-sided books")
                .anyMatch(b -> b.asks().isEmpty()).anyMatch(b -> b.bids().isEmpty() || !b.asks().isEmpty());
        // Even free of fees and with a target just under 1 there is nothing: ask(YES) + ask(NO) >= 1 throughout.
        for (PairCostConfig config : List.of(PairCostConfig.builder().mode(QuotingMode.TAKER_ONLY).build(),
                PairCostConfig.builder().mode(QuotingMode.TAKER_ONLY).target("0.999999").hedgeLimit("0.999999")
                        .fees(PolymarketFeeModel.free()).build())) {
            PairCostArbitrage bot = PairCostArbitrage.of(recording.market(), config);
            ArbFixtures.Replay run = ArbFixtures.replay(recording.replay(), recording.yes().get(0).timestamp(), bot,
                    config.fees());
            run.engine().run();
            assertThat(run.engine().status().strategy("pca").state()).isNotEqualTo(StrategyState.FAILED);
            assertThat(run.venue().allOrders()).isEmpty();
            assertThat(bot.status().position().isFlat()).isTrue();
            assertThat(bot.status().riskLevel()).isEqualTo(RiskLevel.LOW);
        }
    }

    /**
     * The default (maker) mode over the recordings: bids rest and are re-priced as the books move, none fills (no
     * ask there ever falls to our bid), a few are refused by the venue as post-only orders that would have crossed
     * the book by the time they arrived, and all are gone by the settlement buffer. Nothing is held at the end.
     */
    @ParameterizedTest
    @CsvSource({"btc-updown-15m-1767398400, 1375, 7", "btc-updown-15m-1767397500, 76, 0"})
    void makerModeOverTheRecordingsQuotesAndCancelsButHoldsNothing(String slug, int orders, int refused) {
        DepthRecording recording = ArbFixtures.recording(slug);
        PairCostConfig config = PairCostConfig.builder().build();
        PairCostArbitrage bot = PairCostArbitrage.of(recording.market(), config);
        ArbFixtures.Replay run = ArbFixtures.replay(recording.replay(), recording.yes().get(0).timestamp(), bot,
                config.fees());
        run.engine().run();

        assertThat(run.engine().status().strategy("pca").state()).isNotEqualTo(StrategyState.FAILED);
        List<Order> all = run.venue().allOrders();
        assertThat(all).hasSize(orders).allSatisfy(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.request().postOnly()).isTrue();
            assertThat(o.request().timeInForce()).isEqualTo(TimeInForce.GTC);
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(o.filledQuantity().signum()).isZero();
            assertThat(o.updatedAt()).isBeforeOrEqualTo(recording.market().end().minusSeconds(60));
        });
        assertThat(all).filteredOn(o -> o.reason().startsWith("post-only limit")).hasSize(refused);
        assertThat(all).filteredOn(o -> o.reason().equals("canceled by client")).hasSize(orders - refused);
        assertThat(run.venue().fills()).isEmpty();
        assertThat(bot.status().trades()).isEmpty();
        assertThat(bot.status().position().isFlat()).isTrue();
        assertThat(bot.status().riskLevel()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void aConstructedOpportunityFillsExactlyAndSettlesForTheLockedProfit() {
        PairMarket market = PairMarket.of("constructed", "up", "down", T0.plus(Duration.ofMinutes(2)));
        List<BookSnapshot> events = new ArrayList<>();
        // YES ask 0.40 and NO ask 0.50: with the crypto fee (0.07 × p(1−p)) a pair costs
        // 0.40 + 0.0168 + 0.50 + 0.0175 = 0.9343 < 0.98. Both books every 100 ms, inside one equalizer period; the
        // simulated venue fills an IOC order at its instrument's next book, and the bot keeps one order in flight.
        for (long t = 0; t <= 500; t += 100) {
            events.add(book(market, PairLeg.YES, t, "0.38", "100", "0.4", "100"));
            events.add(book(market, PairLeg.NO, t, "0.48", "100", "0.5", "100"));
        }
        // Shortly before the end the market has gone Up: YES bid 0.99.
        events.add(book(market, PairLeg.YES, 90_000, "0.99", "500", "0.999", "50"));
        events.add(book(market, PairLeg.NO, 90_000, "0.001", "50", "0.01", "500"));
        events.add(book(market, PairLeg.YES, 125_000, "0.99", "500", "0.999", "50"));
        PairCostArbitrage bot = PairCostArbitrage.of(market, PairCostConfig.builder().mode(QuotingMode.TAKER_ONLY).build());
        ArbFixtures.Replay run = ArbFixtures.replay(ArbFixtures.feed(events), T0, bot, PolymarketFeeModel.crypto());
        run.engine().run();

        PairCostStatus status = bot.status();
        // Each pair of books brings one order: YES, then NO (the short leg first), five times.
        List<org.assertj.core.groups.Tuple> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(org.assertj.core.groups.Tuple.tuple(PairLeg.YES, Side.BUY, Quantity.of("10", 2),
                    Price.of("0.4", 3), usd("0.168"))); // 10 × 0.07 × 0.4 × 0.6
            expected.add(org.assertj.core.groups.Tuple.tuple(PairLeg.NO, Side.BUY, Quantity.of("10", 2),
                    Price.of("0.5", 3), usd("0.175"))); // 10 × 0.07 × 0.5 × 0.5
        }
        assertThat(status.trades()).extracting(PairTrade::leg, PairTrade::side, PairTrade::shares, PairTrade::price,
                PairTrade::fee).containsExactlyElementsOf(expected);
        assertThat(status.settled()).singleElement().satisfies(result -> {
            PairPosition held = result.position();
            assertThat(held.shares(PairLeg.YES)).isEqualTo(Quantity.of("50"));
            assertThat(held.delta()).isEqualTo(Quantity.of("0"));
            assertThat(held.feesPaid()).isEqualTo(usd("1.715")); // 5 × (0.168 + 0.175)
            assertThat(held.totalCost()).isEqualTo(usd("46.715")); // 50 × 0.40 + 50 × 0.50 + 1.715
            assertThat(held.pairCost()).contains(Price.of("0.9343")); // 20.84 / 50 + 25.875 / 50
            assertThat(held.lockedProfit()).isEqualTo(usd("3.285")); // 50 − 46.715
            assertThat(result.winner()).contains(PairLeg.YES);
            assertThat(result.pnl()).isEqualTo(usd("3.285"));
        });
        // The sixth YES order, sent on the last cheap NO book, waits for a YES book that only comes inside the
        // settlement buffer: it is canceled there, before resolution.
        assertThat(run.venue().allOrders()).hasSize(11).last().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(o.updatedAt()).isEqualTo(T0.plusSeconds(60));
        });
    }
}
