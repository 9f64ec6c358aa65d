package dev.tradingsdk.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedVenueTest {

    private static final Instrument BTC = TestData.BTC;

    private SimulatedClock clock;
    private Portfolio portfolio;
    private SimulatedVenue venue;
    private final List<String> updates = new ArrayList<>();

    @BeforeEach
    void setUp() {
        venue = venue(SimulatedVenue.builder());
    }

    private Portfolio newPortfolio() {
        portfolio = new Portfolio("test", Money.of("100000", Currency.USD));
        return portfolio;
    }

    private SimulatedClock newClock() {
        clock = new SimulatedClock(Bars.DAY0);
        return clock;
    }

    private SimulatedVenue venue(SimulatedVenue.Builder builder) {
        SimulatedVenue v = builder.build(newPortfolio(), newClock());
        v.addListener(order -> updates.add(order.clientOrderId() + ":" + order.status()));
        return v;
    }

    private void play(Bar bar) {
        venue.onMarketEvent(bar);
        clock.setTime(bar.closeTime());
    }

    private Order order(String id) {
        return venue.order(dev.tradingsdk.core.order.ClientOrderId.of(id)).orElseThrow();
    }

    @Test
    void marketOrderFillsAtTheNextOpenWithTickSlippage() {
        venue = venue(SimulatedVenue.builder().slippage(SlippageModel.ticks(3)));
        play(Bars.daily(BTC, 0, "100", "110", "90", "105"));
        venue.submit(OrderRequest.buy(BTC).clientOrderId("m1").quantity("2").build());
        play(Bars.daily(BTC, 1, "106", "112", "101", "111"));
        Fill fill = venue.fills().get(0);
        assertThat(fill.price()).isEqualTo(BTC.price("106.03"));
        assertThat(fill.timestamp()).isEqualTo(Bars.DAY0.plusSeconds(86_400));
        assertThat(portfolio.cash()).isEqualTo(Money.of("99787.94", Currency.USD));
        assertThat(updates).containsExactly("m1:ACCEPTED", "m1:FILLED");
    }

    @Test
    void restingLimitFillsAtItsPriceAsMakerAndAGapFillsAtTheOpenAsTaker() {
        venue = venue(SimulatedVenue.builder().fees(FeeModel.makerTaker("-1", "5")));
        play(Bars.daily(BTC, 0, "100", "110", "90", "105"));
        venue.submit(OrderRequest.buy(BTC).clientOrderId("l1").quantity("1").limit("95").build());
        venue.submit(OrderRequest.buy(BTC).clientOrderId("l2").quantity("1").limit("120").build());
        play(Bars.daily(BTC, 1, "104", "108", "94", "100"));
        assertThat(order("l1").fills().get(0).price()).isEqualTo(BTC.price("95"));
        assertThat(order("l1").fees().toBigDecimal()).isEqualByComparingTo("-0.0095");
        assertThat(order("l1").fills().get(0).timestamp()).isEqualTo(Bars.DAY0.plusSeconds(2 * 86_400));
        assertThat(order("l2").fills().get(0).price()).isEqualTo(BTC.price("104"));
        assertThat(order("l2").fees().toBigDecimal()).isEqualByComparingTo("0.052");
    }

    @Test
    void stopTriggersAtTheStopOrAtAGappedOpen() {
        play(Bars.daily(BTC, 0, "100", "110", "90", "105"));
        venue.submit(OrderRequest.buy(BTC).clientOrderId("b").quantity("2").build());
        play(Bars.daily(BTC, 1, "105", "106", "104", "105"));
        venue.submit(OrderRequest.sell(BTC).clientOrderId("s1").quantity("1").stop("100").build());
        venue.submit(OrderRequest.sell(BTC).clientOrderId("s2").quantity("1").stop("99").build());
        play(Bars.daily(BTC, 2, "104", "104", "98", "99"));
        assertThat(order("s1").fills().get(0).price()).isEqualTo(BTC.price("100"));
        assertThat(order("s2").fills().get(0).price()).isEqualTo(BTC.price("99"));
        assertThat(portfolio.position(BTC.id()).orElseThrow().isFlat()).isTrue();
        venue.submit(OrderRequest.sell(BTC).clientOrderId("s3").quantity("1").stop("95").build());
        play(Bars.daily(BTC, 3, "90", "92", "88", "91"));
        assertThat(order("s3").fills().get(0).price()).isEqualTo(BTC.price("90"));
    }

    @Test
    void stopLimitFillsAtTheTriggerWithinItsLimitOrRestsAfterAGap() {
        play(Bars.daily(BTC, 0, "105", "106", "104", "105"));
        venue.submit(OrderRequest.buy(BTC).clientOrderId("b").quantity("2").build());
        play(Bars.daily(BTC, 1, "105", "106", "104", "105"));
        venue.submit(OrderRequest.sell(BTC).clientOrderId("sl1").quantity("1").stop("100").limit("99").build());
        play(Bars.daily(BTC, 2, "104", "104", "98", "99"));
        assertThat(order("sl1").fills().get(0).price()).isEqualTo(BTC.price("100"));

        venue.submit(OrderRequest.sell(BTC).clientOrderId("sl2").quantity("1").stop("95").limit("94").build());
        play(Bars.daily(BTC, 3, "93", "93.50", "90", "91"));
        assertThat(order("sl2").status()).isEqualTo(OrderStatus.ACCEPTED);
        play(Bars.daily(BTC, 4, "91", "94.50", "90", "92"));
        Fill fill = order("sl2").fills().get(0);
        assertThat(fill.price()).isEqualTo(BTC.price("94"));
        assertThat(fill.timestamp()).isEqualTo(Bars.DAY0.plusSeconds(5 * 86_400));
    }

    @Test
    void bracketExitsAreOneCancelsOtherAndTheStopWinsAnAmbiguousBar() {
        play(Bars.daily(BTC, 0, "100", "101", "99", "100"));
        OrderRequest entry = OrderRequest.buy(BTC).clientOrderId("e").quantity("1").build();
        List<Order> orders = venue.submit(BracketOrder.of(entry, BTC.price("110"), BTC.price("95"),
                BTC.price("100")));
        assertThat(orders).extracting(Order::status).containsExactly(OrderStatus.ACCEPTED, OrderStatus.NEW,
                OrderStatus.NEW);
        play(Bars.daily(BTC, 1, "100", "101", "99", "100"));
        assertThat(order("e").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order("e-tp").status()).isEqualTo(OrderStatus.ACCEPTED);
        play(Bars.daily(BTC, 2, "100", "111", "94", "100"));
        assertThat(order("e-sl").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order("e-sl").fills().get(0).price()).isEqualTo(BTC.price("95"));
        assertThat(order("e-tp").status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order("e-tp").reason()).contains("one-cancels-other");
        assertThat(venue.closedTrades()).hasSize(1);
        assertThat(venue.closedTrades().get(0).netPnl().toBigDecimal()).isEqualByComparingTo("-5");
    }

    @Test
    void bracketExitIdsAreReservedUntilTheEntryFills() {
        play(Bars.daily(BTC, 0, "100", "101", "99", "100"));
        OrderRequest entry = OrderRequest.buy(BTC).clientOrderId("e").quantity("1").build();
        venue.submit(BracketOrder.of(entry, BTC.price("110"), BTC.price("95"), BTC.price("100")));
        assertThatThrownBy(() -> venue.submit(OrderRequest.sell(BTC).clientOrderId("e-tp").quantity("1")
                .limit("120").build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e-tp");
        play(Bars.daily(BTC, 1, "100", "101", "99", "100"));
        assertThat(order("e").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order("e-tp").status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order("e-sl").status()).isEqualTo(OrderStatus.ACCEPTED);

        venue.submit(OrderRequest.buy(BTC).clientOrderId("x-sl").quantity("1").limit("50").build());
        OrderRequest taken = OrderRequest.buy(BTC).clientOrderId("x").quantity("1").build();
        assertThatThrownBy(() -> venue.submit(BracketOrder.of(taken, BTC.price("110"), BTC.price("95"),
                BTC.price("100")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x-sl");
        assertThat(venue.order(taken.clientOrderId())).isEmpty();
    }

    @Test
    void takeProfitCancelsTheStop() {
        play(Bars.daily(BTC, 0, "100", "101", "99", "100"));
        OrderRequest entry = OrderRequest.buy(BTC).clientOrderId("e").quantity("1").limit("100").build();
        venue.submit(BracketOrder.of(entry, BTC.price("110"), BTC.price("95"), null));
        play(Bars.daily(BTC, 1, "100", "101", "99", "100"));
        play(Bars.daily(BTC, 2, "104", "112", "101", "108"));
        assertThat(order("e-tp").fills().get(0).price()).isEqualTo(BTC.price("110"));
        assertThat(order("e-sl").status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(portfolio.position(BTC.id()).orElseThrow().isFlat()).isTrue();
    }

    @Test
    void canceledEntryRejectsItsPendingExits() {
        OrderRequest entry = OrderRequest.buy(BTC).clientOrderId("e").quantity("1").limit("90").build();
        venue.submit(BracketOrder.of(entry, BTC.price("110"), BTC.price("80"), null));
        assertThat(venue.cancel(entry.clientOrderId())).isTrue();
        assertThat(updates).contains("e:CANCELED", "e-tp:REJECTED", "e-sl:REJECTED");
        assertThat(venue.cancel(entry.clientOrderId())).isFalse();
    }

    @Test
    void aFillThePortfolioCannotBookLeavesTheOrderUnfilled() {
        // Cash at the top of the long range: booking any sale overflows and the portfolio refuses the fill.
        portfolio = new Portfolio("full", Money.ofRaw(Long.MAX_VALUE, 2, Currency.USD));
        clock = new SimulatedClock(Bars.DAY0);
        venue = SimulatedVenue.builder().build(portfolio, clock);
        venue.submit(OrderRequest.sell(BTC).clientOrderId("s1").quantity("1").build());
        assertThatThrownBy(() -> play(Bars.daily(BTC, 0, "100", "101", "99", "100")))
                .isInstanceOf(ArithmeticException.class);
        assertThat(order("s1").status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order("s1").fills()).isEmpty();
        assertThat(venue.fills()).isEmpty();
        assertThat(venue.tradedNotional().isZero()).isTrue();
        assertThat(portfolio.position(BTC.id())).isEmpty();
    }

    @Test
    void reduceOnlyPostOnlyIocAndGtdRules() {
        venue.submit(OrderRequest.sell(BTC).clientOrderId("ro").quantity("1").market().reduceOnly(true).build());
        venue.submit(OrderRequest.buy(BTC).clientOrderId("po").quantity("1").limit("150").postOnly(true).build());
        venue.submit(OrderRequest.buy(BTC).clientOrderId("ioc").quantity("1").limit("50")
                .timeInForce(TimeInForce.IOC).build());
        venue.submit(OrderRequest.buy(BTC).clientOrderId("gtd").quantity("1").limit("50")
                .goodTill(Bars.DAY0.plusSeconds(3600)).build());
        play(Bars.daily(BTC, 0, "100", "101", "99", "100"));
        assertThat(order("ro").status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order("po").status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order("po").reason()).contains("post-only");
        assertThat(order("ioc").status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order("gtd").status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(venue.fills()).isEmpty();
    }

    @Test
    void feesFromFixedPlusBpsAndPerVenue() {
        Instrument other = Instrument.builder("BTC-USD", Venue.of("OTHER")).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        FeeModel model = FeeModel.perVenue(Map.of(Venue.of("OTHER"), FeeModel.bps("2.5")),
                FeeModel.bps("10").plus(FeeModel.fixed(Money.of("1.00", Currency.USD))));
        venue = venue(SimulatedVenue.builder().fees(model));
        venue.submit(OrderRequest.buy(BTC).clientOrderId("a").quantity("0.5").build());
        venue.submit(OrderRequest.buy(other).clientOrderId("b").quantity("0.5").build());
        play(Bars.daily(BTC, 0, "100", "101", "99", "100"));
        play(Bars.daily(other, 0, "100", "101", "99", "100"));
        assertThat(order("a").fees().toBigDecimal()).isEqualByComparingTo("1.05");
        assertThat(order("b").fees().toBigDecimal()).isEqualByComparingTo("0.0125");
        assertThat(portfolio.fees().toBigDecimal()).isEqualByComparingTo("1.0625");
    }

    @Test
    void duplicateClientOrderIdIsRefused() {
        venue.submit(OrderRequest.buy(BTC).clientOrderId("x").quantity("1").build());
        assertThatThrownBy(() -> venue.submit(OrderRequest.buy(BTC).clientOrderId("x").quantity("1").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
    }

    @Test
    void randomSlippageBoundThatWouldWrapIsRefusedUpFront() {
        assertThatThrownBy(() -> SlippageModel.randomTicks(Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTicks")
                .hasMessageContaining(Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> SlippageModel.randomTicks(-1)).hasMessageContaining("maxTicks");
    }

    @Test
    void invalidFeeRateNamesTheField() {
        assertThatThrownBy(() -> FeeModel.bps("1.23456")).hasMessageContaining("bps must").hasMessageContaining(
                "1.23456");
    }
}
