package dev.tradingsdk.polymarket.arb;

import static dev.tradingsdk.polymarket.arb.ArbFixtures.T0;
import static dev.tradingsdk.polymarket.arb.ArbFixtures.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default mode: post-only bids on both legs through the simulated venue, and the taker path beside them. */
class MakerQuotingTest {
    private final PairMarket market = PairMarket.of("maker", "up", "down", T0.plus(Duration.ofMinutes(2)));

    private static Money usd(String text) {
        return Money.of(text, 6, Currency.PUSD);
    }

    @Test
    void bidsRestUnderThePairTargetAreRepricedOnTheTickFillAsMakerAndTheAskIsTakenOnlyWhenThePairClearsNetOfFees() {
        List<BookSnapshot> events = new ArrayList<>();
        // Asks 0.47 + 0.51 plus taker fees: no pair to take. Bids go out one tick above the best bids, 0.451 and
        // 0.491 (0.942 < 0.98; each capped by 0.98 minus the other leg's bid).
        events.add(book(market, PairLeg.YES, 0, "0.45", "100", "0.47", "100"));
        events.add(book(market, PairLeg.NO, 0, "0.49", "100", "0.51", "100"));
        // YES unchanged: its bid rests. NO's ask falls to 0.49 before our 0.491 bid arrives: the venue refuses the
        // post-only order; the bot re-quotes one tick over the new 0.48 bid.
        events.add(book(market, PairLeg.YES, 100, "0.45", "100", "0.47", "100"));
        events.add(book(market, PairLeg.NO, 100, "0.48", "100", "0.49", "100"));
        // YES's ask falls through our 0.451 bid: 10 YES filled as maker, at the limit, no fee. YES is re-bid at
        // 0.441; NO at 0.49 + 0.017493 fee + 0.451 = 0.958493 clears 0.98 as a taker: an IOC for 10.
        events.add(book(market, PairLeg.YES, 200, "0.44", "100", "0.45", "100"));
        // YES back at 0.45/0.47: its bid moves up to 0.451 (cancel, then replace once the cancel is confirmed).
        // NO's book fills the IOC at 0.49; 0.49 + fee + 0.451 still clears, so another IOC goes out...
        events.add(book(market, PairLeg.YES, 300, "0.45", "100", "0.47", "100"));
        events.add(book(market, PairLeg.NO, 300, "0.48", "100", "0.49", "100"));
        // ...and expires: the ask moved to 0.52 (0.988472 with fee and YES's average: no more).
        events.add(book(market, PairLeg.NO, 400, "0.48", "100", "0.52", "100"));
        // No NO book after 400 ms: stale after 3 s, both bids are canceled at the equalizer's 4 s tick (a replay's
        // timers run while there is data: one more YES book at 5 s).
        events.add(book(market, PairLeg.YES, 5_000, "0.45", "100", "0.47", "100"));
        PairCostArbitrage bot = PairCostArbitrage.of(market, PairCostConfig.builder().build());
        ArbFixtures.Replay run = ArbFixtures.replay(ArbFixtures.feed(events), T0, bot, PolymarketFeeModel.crypto());
        run.engine().run();

        List<Order> orders = run.venue().allOrders();
        assertThat(orders).extracting(o -> market.legOf(o.instrument()), Order::side, o -> o.request().limitPriceOrNull(),
                o -> o.request().quantity(), o -> o.request().postOnly(), o -> o.request().timeInForce(), Order::status,
                Order::updatedAt).containsExactly(
                tuple(PairLeg.YES, Side.BUY, Price.of("0.451", 3), Quantity.of("10", 2), true, TimeInForce.GTC,
                        OrderStatus.FILLED, T0.plusMillis(200)),
                tuple(PairLeg.NO, Side.BUY, Price.of("0.491", 3), Quantity.of("10", 2), true, TimeInForce.GTC,
                        OrderStatus.CANCELED, T0.plusMillis(100)),
                tuple(PairLeg.NO, Side.BUY, Price.of("0.481", 3), Quantity.of("10", 2), true, TimeInForce.GTC,
                        OrderStatus.CANCELED, T0.plusSeconds(4)),
                tuple(PairLeg.YES, Side.BUY, Price.of("0.441", 3), Quantity.of("10", 2), true, TimeInForce.GTC,
                        OrderStatus.CANCELED, T0.plusMillis(300)),
                tuple(PairLeg.NO, Side.BUY, Price.of("0.49", 3), Quantity.of("10", 2), false, TimeInForce.IOC,
                        OrderStatus.FILLED, T0.plusMillis(300)),
                tuple(PairLeg.YES, Side.BUY, Price.of("0.451", 3), Quantity.of("10", 2), true, TimeInForce.GTC,
                        OrderStatus.CANCELED, T0.plusSeconds(4)),
                tuple(PairLeg.NO, Side.BUY, Price.of("0.49", 3), Quantity.of("10", 2), false, TimeInForce.IOC,
                        OrderStatus.EXPIRED, T0.plusMillis(400)));
        assertThat(orders.get(1).reason()).startsWith("post-only limit 0.491 would take liquidity at 0.490");
        assertThat(orders.get(2).reason()).isEqualTo("canceled by client");
        assertThat(run.venue().fills()).extracting(f -> market.legOf(f.instrument()), Fill::price, Fill::quantity,
                Fill::fee).containsExactly(
                tuple(PairLeg.YES, Price.of("0.451", 3), Quantity.of("10", 2), usd("0")),        // maker: free
                tuple(PairLeg.NO, Price.of("0.49", 3), Quantity.of("10", 2), usd("0.17493")));   // 10 × 0.07 × 0.49 × 0.51

        PairPosition held = bot.status().position();
        assertThat(held.delta()).isEqualTo(Quantity.of("0"));
        assertThat(held.totalCost()).isEqualTo(usd("9.58493")); // 4.51 + 4.90 + 0.17493
        assertThat(held.pairCost()).contains(Price.of("0.958493")); // 0.451 + 5.07493 / 10
        assertThat(held.lockedProfit()).isEqualTo(usd("0.41507")); // 10 − 9.58493
        assertThat(run.venue().openOrders()).isEmpty();
    }

    @Test
    void oneMakerLegFillsThenTheOtherLegsAsksVanishTheBidsAreCanceledAndTheLegRiskTimerUnwinds() {
        List<BookSnapshot> events = new ArrayList<>();
        events.add(book(market, PairLeg.YES, 0, "0.45", "100", "0.47", "100"));
        events.add(book(market, PairLeg.NO, 0, "0.49", "100", "0.52", "100"));
        events.add(book(market, PairLeg.YES, 100, "0.45", "100", "0.47", "100"));
        events.add(book(market, PairLeg.NO, 100, "0.49", "100", "0.52", "100"));
        // YES's ask falls through our 0.451 bid: the maker leg fills and the leg-risk clock starts. NO at
        // 0.52 + 0.017472 + 0.451 = 0.988 does not clear 0.98, so only NO's 0.491 bid can hedge...
        events.add(book(market, PairLeg.YES, 200, "0.44", "100", "0.45", "100"));
        // ...until NO's asks vanish: with a one-sided book no pair can be priced, both bids are canceled.
        for (long t = 300; t <= 6_000; t += 100) {
            events.add(book(market, PairLeg.YES, t, "0.43", "100", "0.45", "100"));
            events.add(book(market, PairLeg.NO, t, "0.45", "100", null, null));
        }
        PairCostArbitrage bot = PairCostArbitrage.of(market, PairCostConfig.builder().build());
        ArbFixtures.Replay run = ArbFixtures.replay(ArbFixtures.feed(events), T0, bot, PolymarketFeeModel.crypto());
        run.engine().run();

        assertThat(run.venue().allOrders()).extracting(o -> market.legOf(o.instrument()), Order::side,
                o -> o.request().limitPriceOrNull(), o -> o.request().postOnly(), Order::status, Order::updatedAt)
                .containsExactly(
                        tuple(PairLeg.YES, Side.BUY, Price.of("0.451", 3), true, OrderStatus.FILLED, T0.plusMillis(200)),
                        tuple(PairLeg.NO, Side.BUY, Price.of("0.491", 3), true, OrderStatus.CANCELED, T0.plusMillis(300)),
                        tuple(PairLeg.YES, Side.BUY, Price.of("0.441", 3), true, OrderStatus.CANCELED, T0.plusMillis(300)),
                        // YES's 300 ms book (bid 0.43) comes first and moves the bid to 0.431; NO's one-sided book
                        // right after cancels it
                        tuple(PairLeg.YES, Side.BUY, Price.of("0.431", 3), true, OrderStatus.CANCELED, T0.plusMillis(300)),
                        // 2 s unhedged (from 200 ms) is exceeded at the 3 s equalizer tick: the excess is sold at the bid
                        tuple(PairLeg.YES, Side.SELL, Price.of("0.43", 3), false, OrderStatus.FILLED, T0.plusSeconds(3)));
        assertThat(bot.status().trades()).extracting(PairTrade::leg, PairTrade::side, PairTrade::shares,
                PairTrade::price, PairTrade::fee).containsExactly(
                tuple(PairLeg.YES, Side.BUY, Quantity.of("10", 2), Price.of("0.451", 3), usd("0")),
                tuple(PairLeg.YES, Side.SELL, Quantity.of("10", 2), Price.of("0.43", 3), usd("0.17157")));
        PairPosition after = bot.status().position();
        assertThat(after.isFlat()).isTrue();
        assertThat(after.totalCost()).isEqualTo(usd("0.38157")); // 4.51 − 4.30 + 0.17157 taker fee on the sale
        assertThat(bot.status().riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(run.venue().openOrders()).isEmpty();
    }
}
