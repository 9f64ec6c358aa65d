package dev.tradingsdk.cfd;

import static dev.tradingsdk.cfd.TestInstruments.BTC;
import static dev.tradingsdk.cfd.TestInstruments.ETH;
import static dev.tradingsdk.cfd.TestInstruments.EURUSD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionSide;
import dev.tradingsdk.core.risk.RiskEvent;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.StaleMarketDataRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed account scenarios; the working is in the comments. */
class CfdAccountTest {

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T10:00:00Z"));
    private final List<CfdEvent> events = new ArrayList<>();

    private static Money usd(String amount) {
        return Money.of(amount, Currency.USD);
    }

    private CfdAccount account(String cash, CfdTerms terms) {
        return CfdAccount.builder("acct-1", usd(cash)).terms(terms).clock(clock).eventListener(events::add).build();
    }

    @Test
    void openIncreasePartiallyCloseFlipAndCloseAtBidAndAsk() {
        CfdAccount account = account("10000", CfdTerms.builder().commissionBps(10).build());
        account.mark(BTC, Price.of("40000.00"), Price.of("40010.00"));

        // buy 0.1 at the ask 40 010: notional 4001, commission 10 bp = 4.001
        Order open = account.submit(OrderRequest.buy(BTC).quantity("0.1").build());
        assertThat(open.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(open.fills().get(0).price()).isEqualTo(Price.of("40010.00"));
        assertThat(account.cash()).isEqualTo(usd("9995.999"));
        // valued at the bid: (40 000 − 40 010) × 0.1 = −1
        assertThat(account.unrealizedPnl()).isEqualTo(usd("-1"));
        assertThat(account.equity()).isEqualTo(usd("9994.999"));
        // margin on the bid notional 4000 at 2:1 (crypto)
        assertThat(account.marginUsed()).isEqualTo(usd("2000"));
        assertThat(account.marginAvailable()).isEqualTo(usd("7994.999"));

        // increase: buy 0.1 at 41 010, fee 4.101; cost basis 4001 + 4101 = 8102
        account.mark(BTC, Price.of("41000.00"), Price.of("41010.00"));
        account.submit(OrderRequest.buy(BTC).quantity("0.1").build());
        assertThat(account.cash()).isEqualTo(usd("9991.898"));
        assertThat(account.unrealizedPnl()).isEqualTo(usd("98")); // 8200 − 8102

        // partial close: sell 0.05 at the bid 41 000; releases 8102 / 4 = 2025.5, realizes 2050 − 2025.5 = 24.5
        account.submit(OrderRequest.sell(BTC).quantity("0.05").build());
        assertThat(account.cash()).isEqualTo(usd("10014.348")); // + 24.5 − 2.05
        assertThat(account.position(BTC.id()).orElseThrow().quantity().toBigDecimal()).isEqualByComparingTo("0.15");

        // flip: sell 0.25 at 41 000 closes 0.15 (6150 − 6076.5 = 73.5) and opens a 0.1 short; fee 10.25
        account.submit(OrderRequest.sell(BTC).quantity("0.25").build());
        Position shortPosition = account.position(BTC.id()).orElseThrow();
        assertThat(shortPosition.side()).isEqualTo(PositionSide.SHORT);
        assertThat(account.cash()).isEqualTo(usd("10077.598"));
        // the short is valued at the ask: 4100 − 4101 = −1
        assertThat(account.unrealizedPnl()).isEqualTo(usd("-1"));

        // close: buy 0.1 at the ask, realizes −1, fee 4.101
        account.submit(OrderRequest.buy(BTC).quantity("0.1").build());
        assertThat(account.positions()).isEmpty();
        assertThat(account.cash()).isEqualTo(usd("10072.497"));
        assertThat(account.equity()).isEqualTo(account.cash());
        assertThat(account.realizedPnl()).isEqualTo(usd("97")); // 24.5 + 73.5 − 1
        assertThat(account.fees()).isEqualTo(usd("24.503"));
        assertThat(account.fillCount()).isEqualTo(5);
        // two round trips, not three closing fills: the long (open, increase, partial close, flip) realized
        // 24.5 + 73.5 with fees 4.001 + 4.101 + 2.05 + 10.25 (the flip's whole fee); the short realized −1, fee 4.101
        assertThat(account.closedTrades()).extracting(ClosedTrade::side, ClosedTrade::grossPnl, ClosedTrade::fees,
                ClosedTrade::netPnl).containsExactly(
                tuple(PositionSide.LONG, usd("98"), usd("20.402"), usd("77.598")),
                tuple(PositionSide.SHORT, usd("-1"), usd("4.101"), usd("-5.101")));
        assertThat(Metrics.winRate(account.closedTrades())).isEqualTo(0.5);
        assertThat(account.marginLevelPercent()).isEmpty();
    }

    @Test
    void overnightFinancingIsChargedAtEachRollover() {
        CfdAccount account = account("10000", CfdTerms.builder().financingBps(500, -100).build());
        account.mark(BTC, Price.of("40000.00"), Price.of("40010.00"));
        account.mark(ETH, Price.of("2000.00"), Price.of("2001.00"));
        account.submit(OrderRequest.buy(BTC).quantity("0.1").build());
        account.submit(OrderRequest.sell(ETH).quantity("1").build());
        assertThat(account.nextRollover()).isEqualTo(Instant.parse("2024-01-02T22:00:00Z"));

        clock.setTime(Instant.parse("2024-01-03T10:00:00Z"));
        account.mark(BTC, Price.of("40000.00"), Price.of("40010.00"));
        // long: 4000 × 5 % / 365 = 0.547945205… → 0.547946 (rounded up)
        // short receives: 2001 × 1 % / 365 = 0.054821917… → −0.054821 (rounded up, toward the provider)
        assertThat(account.financing()).isEqualTo(usd("0.493125"));
        assertThat(account.cash()).isEqualTo(usd("9999.506875"));
        assertThat(account.nextRollover()).isEqualTo(Instant.parse("2024-01-03T22:00:00Z"));

        // two more rollovers pass before the next price
        clock.setTime(Instant.parse("2024-01-05T09:00:00Z"));
        account.mark(BTC, Price.of("40000.00"), Price.of("40010.00"));
        assertThat(account.financing()).isEqualTo(usd("1.479375"));
        assertThat(events).filteredOn(e -> e instanceof CfdEvent.FinancingCharged).hasSize(6);
        assertThat(events).filteredOn(e -> e instanceof CfdEvent.RolledOver).hasSize(3);
    }

    @Test
    void spreadIsPutAroundAMid() {
        CfdAccount account = account("10000", CfdTerms.builder().spreadBps(AssetClass.CRYPTO, 5)
                .spreadBps(AssetClass.FX, 1).build());
        // half of 5 bp of 40 000.00 = 10.00 each side
        account.markMid(BTC, Price.of("40000.00"));
        assertThat(account.quote(BTC.id()).orElseThrow().bid()).isEqualTo(Price.of("39990.00"));
        assertThat(account.quote(BTC.id()).orElseThrow().ask()).isEqualTo(Price.of("40010.00"));
        // half of 1 bp of 1.00001 is 0.0000500005, rounded outwards to whole ticks of 0.00001: 0.00006
        account.markMid(EURUSD, Price.of("1.00001"));
        assertThat(account.quote(EURUSD.id()).orElseThrow().bid()).isEqualTo(Price.of("0.99995"));
        assertThat(account.quote(EURUSD.id()).orElseThrow().ask()).isEqualTo(Price.of("1.00007"));

        // a mid finer than the instrument's prices is refused by name, and the last quote stays
        int eventsBefore = events.size();
        assertThatThrownBy(() -> account.markMid(BTC, Price.of("40000.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mid").hasMessageContaining("40000.005").hasMessageContaining("2 decimals");
        assertThat(account.quote(BTC.id()).orElseThrow().bid()).isEqualTo(Price.of("39990.00"));
        assertThat(events).hasSize(eventsBefore);
    }

    @Test
    void refusesWhatItCannotOrMayNotTradeWithTheReason() {
        CfdAccount account = account("10000", CfdTerms.builder().maxPositionPercent(100).build());
        Order noPrice = account.submit(OrderRequest.buy(BTC).quantity("0.1").build());
        assertThat(noPrice.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(noPrice.reason()).contains("no price for BTCUSD.SIM");

        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));
        Order limit = account.submit(OrderRequest.buy(BTC).quantity("0.1").limit("39000.00").build());
        assertThat(limit.reason()).contains("LIMIT is not supported");

        // 0.3 × 40 000 = 12 000 > 100 % of 10 000
        Order tooBig = account.submit(OrderRequest.buy(BTC).quantity("0.3").build());
        assertThat(tooBig.reason()).contains("MAX_POSITION_PERCENT").contains("would exceed 100% of equity");

        Order reduceOnly = account.submit(OrderRequest.buy(BTC).quantity("0.1").reduceOnly(true).build());
        assertThat(reduceOnly.reason()).contains("REDUCE_ONLY");

        assertThat(account.positions()).isEmpty();
        assertThat(account.cash()).isEqualTo(usd("10000"));
        assertThat(account.orders()).extracting(Order::status).containsOnly(OrderStatus.REJECTED);
    }

    @Test
    void refusesToLeaveAPositionBelowTheMinimumSizeAndIgnoresDuplicateIds() {
        Instrument index = Instrument.builder("US500", Venue.SIM).assetClass(AssetClass.INDEX)
                .quoteCurrency(Currency.USD).pricePrecision(1).sizePrecision(0).minSize("10").build();
        CfdAccount account = account("100000", CfdTerms.defaults());
        account.mark(index, Price.of("5000.0"), Price.of("5000.5"));
        assertThat(account.submit(OrderRequest.buy(index).quantity("15").clientOrderId("one").build()).status())
                .isEqualTo(OrderStatus.FILLED);
        assertThat(account.submit(OrderRequest.sell(index).quantity("10").build()).reason())
                .contains("would leave 5 of US500.SIM, below its minimum size 10");
        Order duplicate = account.submit(OrderRequest.sell(index).quantity("15").clientOrderId("one").build());
        assertThat(duplicate.reason()).contains("duplicate clientOrderId one");
        assertThat(account.order(dev.tradingsdk.core.order.ClientOrderId.of("one")).orElseThrow().status())
                .isEqualTo(OrderStatus.FILLED);
        CfdAccount rebuilt = CfdAccount.rebuild(events, CfdTerms.defaults(), clock);
        AccountAssertions.assertSameState(rebuilt, account);
        assertThat(account.submit(OrderRequest.sell(index).quantity("15").build()).status())
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void refusesTradesBeyondTheMarginButAlwaysAllowsReducing() {
        CfdAccount account = account("10000", CfdTerms.defaults());
        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));
        // 0.5 × 40 000 / 2 = 10 000 margin = equity: allowed; 0.0001 more is not
        assertThat(account.submit(OrderRequest.buy(BTC).quantity("0.5").build()).status())
                .isEqualTo(OrderStatus.FILLED);
        Order more = account.submit(OrderRequest.buy(BTC).quantity("0.0001").build());
        assertThat(more.reason()).contains("CFD_MARGIN: insufficient margin").contains("2:1");
        assertThat(account.submit(OrderRequest.sell(BTC).quantity("0.1").build()).status())
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void maxLeverageCapsTheInstrumentLimit() {
        CfdAccount account = account("1000", CfdTerms.builder().maxLeverage(10).build());
        account.mark(EURUSD, Price.of("1.00000"), Price.of("1.00000"));
        assertThat(account.leverageFor(EURUSD)).isEqualTo(10);
        // 11 000 units = 11 000 notional > 10 × 1000
        Order order = account.submit(OrderRequest.buy(EURUSD).quantity("11000").build());
        assertThat(order.reason()).contains("MAX_LEVERAGE").contains("10x equity");
        assertThat(account.submit(OrderRequest.buy(EURUSD).quantity("10000").build()).status())
                .isEqualTo(OrderStatus.FILLED);
        assertThat(account.currentLeverage()).contains(new java.math.BigDecimal("10.0000"));
    }

    @Test
    void marginCallThenStopOutClosesTheLargestLossFirst() {
        CfdAccount account = account("10000", CfdTerms.defaults());
        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));
        account.mark(ETH, Price.of("2000.00"), Price.of("2000.00"));
        account.submit(OrderRequest.buy(BTC).quantity("0.4").build()); // 16 000 notional, 8000 margin
        account.submit(OrderRequest.buy(ETH).quantity("2").build());    // 4000 notional, 2000 margin
        // exactly 100 % is not below the margin call level: the boundary is strict
        assertThat(account.marginLevelPercent()).contains(new java.math.BigDecimal("100.0000"));
        assertThat(account.isMarginCall()).isFalse();

        // BTC 30 000: equity 6000, margin 6000 + 2000: 75 %, a margin call: core's event, core's figures
        account.mark(BTC, Price.of("30000.00"), Price.of("30000.00"));
        assertThat(account.isMarginCall()).isTrue();
        assertThat(events).filteredOn(e -> e instanceof CfdEvent.MarginCall).singleElement()
                .satisfies(e -> assertThat(((CfdEvent.MarginCall) e).call()).isEqualTo(new RiskEvent.MarginCall(
                        "acct-1", new java.math.BigDecimal("75.0000"), java.math.BigDecimal.valueOf(100), usd("6000"),
                        usd("8000"), clock.now())));
        assertThat(account.positions()).hasSize(2);

        // ETH 1900, BTC 23 000: equity 10 000 − 6800 − 200 = 3000, margin 4600 + 1900 = 6500: 46.15 % < 50 %
        account.mark(ETH, Price.of("1900.00"), Price.of("1900.00"));
        account.mark(BTC, Price.of("23000.00"), Price.of("23000.00"));
        // BTC (−6800) goes first; then margin level 3000 / 1900 = 157.9 % and ETH stays
        assertThat(account.positions()).extracting(p -> p.instrument().symbol()).containsExactly("ETHUSD");
        assertThat(account.cash()).isEqualTo(usd("3200"));
        assertThat(account.equity()).isEqualTo(usd("3000"));
        assertThat(account.liquidations()).isEqualTo(1);
        assertThat(events).filteredOn(e -> e instanceof CfdEvent.MarginCall).hasSize(1);
        CfdEvent.Liquidation liquidation = (CfdEvent.Liquidation) events.stream()
                .filter(e -> e instanceof CfdEvent.Liquidation).findFirst().orElseThrow();
        assertThat(liquidation.instrument()).isEqualTo(BTC);
        assertThat(liquidation.realizedPnl()).isEqualTo(usd("-6800"));
        assertThat(account.orders()).filteredOn(o -> o.clientOrderId().value().startsWith("stop-out-"))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
    }

    @Test
    void aStopOutClosesUntilTheMarginCallLevelIsBackAsCoresPlannerDoes() {
        CfdAccount account = account("10000", CfdTerms.defaults());
        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));
        account.mark(ETH, Price.of("2000.00"), Price.of("2000.00"));
        account.submit(OrderRequest.buy(BTC).quantity("0.4").build()); // 8000 margin
        account.submit(OrderRequest.buy(ETH).quantity("2").build());    // 2000 margin

        // BTC 18 750: equity 10 000 − 8500 = 1500, margin 3750 + 2000: 26 %, a stop-out. Closing BTC leaves
        // 1500 / 2000 = 75 %: above the stop-out but still below the margin call, so ETH is closed too
        account.mark(BTC, Price.of("18750.00"), Price.of("18750.00"));
        assertThat(account.positions()).isEmpty();
        assertThat(account.liquidations()).isEqualTo(2);
        assertThat(events).filteredOn(e -> e instanceof CfdEvent.Liquidation)
                .extracting(e -> ((CfdEvent.Liquidation) e).instrument()).containsExactly(BTC, ETH);
        assertThat(account.cash()).isEqualTo(usd("1500"));
        assertThat(account.isMarginCall()).isFalse();
    }

    @Test
    void negativeBalanceIsWrittenOffToZero() {
        CfdAccount account = account("1000", CfdTerms.defaults());
        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));
        account.submit(OrderRequest.buy(BTC).quantity("0.05").build()); // 2000 notional, 1000 margin
        // a gap to 10 000: loss 1500 > equity 1000
        account.mark(BTC, Price.of("10000.00"), Price.of("10000.00"));
        assertThat(account.positions()).isEmpty();
        assertThat(account.cash()).isEqualTo(usd("0"));
        assertThat(account.equity()).isEqualTo(usd("0"));
        assertThat(account.writtenOff()).isEqualTo(usd("500"));
        assertThat(events.get(events.size() - 1)).isInstanceOf(CfdEvent.BalanceWrittenOff.class);
    }

    @Test
    void liquidationPriceMatchesTheStopOut() {
        CfdAccount account = account("30000", CfdTerms.defaults());
        account.mark(BTC, Price.of("50000.00"), Price.of("50000.00"));
        account.submit(OrderRequest.buy(BTC).quantity("1").build());
        // as CfdMathTest: 26 666.67
        assertThat(account.liquidationPrice(BTC.id())).contains(Price.of("26666.67"));
        account.mark(BTC, Price.of("26666.67"), Price.of("26666.67"));
        assertThat(account.positions()).hasSize(1);
        account.mark(BTC, Price.of("26666.66"), Price.of("26666.66"));
        assertThat(account.positions()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithoutChangingState() {
        CfdAccount account = account("1000", CfdTerms.defaults());
        assertThatThrownBy(() -> account.mark(BTC, Price.of("10.00"), Price.of("9.00")))
                .hasMessageContaining("bid=10.00").hasMessageContaining("ask=9.00");
        assertThat(account.quote(BTC.id())).isEmpty();
        assertThatThrownBy(() -> CfdAccount.builder("x", usd("-1"))).hasMessageContaining("initialCash");
        assertThatThrownBy(() -> CfdTerms.builder().marginLevels(40, 50)).hasMessageContaining("stopOutPercent 50");
    }

    @Test
    void rebuildsExactlyFromItsEvents() {
        CfdTerms terms = CfdTerms.builder().commissionBps(7).financingBps(450, 150).maxPositionPercent(300).build();
        CfdAccount account = account("5000", terms);
        account.mark(BTC, Price.of("40000.00"), Price.of("40012.00"));
        account.mark(ETH, Price.of("2000.00"), Price.of("2000.50"));
        account.submit(OrderRequest.buy(BTC).quantity("0.2").build());
        account.submit(OrderRequest.sell(ETH).quantity("0.5").build());
        account.submit(OrderRequest.buy(BTC).quantity("1").build()); // refused: max position
        clock.advance(Duration.ofHours(30));
        account.mark(BTC, Price.of("41000.00"), Price.of("41012.00"));
        account.submit(OrderRequest.sell(BTC).quantity("0.05").build());
        clock.advance(Duration.ofHours(20));
        account.mark(BTC, Price.of("10000.00"), Price.of("10012.00")); // stop-out
        assertThat(account.liquidations()).isPositive();

        CfdAccount rebuilt = CfdAccount.rebuild(events, terms, clock);
        AccountAssertions.assertSameState(rebuilt, account);

        // and both go on identically: the next rollover and the orders are the same
        List<CfdEvent> before = List.copyOf(events);
        clock.advance(Duration.ofDays(2));
        for (CfdAccount a : List.of(account, rebuilt)) {
            a.mark(ETH, Price.of("1900.00"), Price.of("1900.50"));
            a.submit(OrderRequest.buy(ETH).quantity("0.5").clientOrderId("after-rebuild").build());
            a.mark(BTC, Price.of("40000.00"), Price.of("40012.00"));
            a.submit(OrderRequest.sell(BTC).quantity("0.01").clientOrderId("after-rebuild-2").build());
            a.mark(BTC, Price.of("99000.00"), Price.of("99012.00")); // a second stop-out: a fresh stop-out id
        }
        assertThat(account.liquidations()).isGreaterThan(1);
        AccountAssertions.assertSameState(rebuilt, account);
        assertThat(events.size()).isGreaterThan(before.size());
    }

    @Test
    void refusesAPriceFinerThanTheInstrumentNamingItAndChangesNothing() {
        CfdAccount account = account("10000", CfdTerms.defaults());
        account.mark(BTC, Price.of("40000.00"), Price.of("40010.00"));
        int eventsBefore = events.size();

        assertThatThrownBy(() -> account.mark(BTC, Price.of("40000.005"), Price.of("40010.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bid").hasMessageContaining("40000.005").hasMessageContaining("2 decimals");
        assertThat(account.quote(BTC.id()).orElseThrow().bid()).isEqualTo(Price.of("40000.00"));
        assertThat(events).hasSize(eventsBefore);

        // several quotes at once: one bad quote applies none of them
        Quote eth = new Quote(ETH, clock.now(), Price.of("2000.00"), Quantity.zero(3), Price.of("2000.50"),
                Quantity.zero(3));
        Quote crossed = new Quote(BTC, clock.now(), Price.of("40010.00"), Quantity.zero(4), Price.of("40000.00"),
                Quantity.zero(4));
        assertThatThrownBy(() -> account.markAll(List.of(eth, crossed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bid=40010.00");
        assertThat(account.quote(ETH.id())).isEmpty();
        assertThat(events).hasSize(eventsBefore);
    }

    @Test
    void rebuiltAccountKnowsHowOldItsPricesAre() {
        CfdTerms terms = CfdTerms.defaults();
        List<RiskRule> rules = new ArrayList<>(terms.riskRules());
        rules.add(new StaleMarketDataRule(Duration.ofMinutes(5)));
        CfdAccount account = CfdAccount.builder("acct-1", usd("10000")).terms(terms).clock(clock)
                .eventListener(events::add).riskGovernor(governor(rules)).build();
        account.mark(BTC, Price.of("40000.00"), Price.of("40010.00"));
        clock.advance(Duration.ofHours(1));
        assertThat(account.submit(OrderRequest.buy(BTC).quantity("0.01").build()).reason())
                .startsWith(StaleMarketDataRule.CODE);

        CfdAccount rebuilt = CfdAccount.rebuild(events, terms, clock, governor(rules));
        assertThat(rebuilt.submit(OrderRequest.buy(BTC).quantity("0.01").build()).reason())
                .startsWith(StaleMarketDataRule.CODE);
    }

    @Test
    void theGovernorsRulesSeeTheRoundTripsTheAccountCloses() {
        CfdTerms terms = CfdTerms.defaults();
        List<RiskRule> rules = new ArrayList<>(terms.riskRules());
        rules.add(new CircuitBreakerRule(1, usd("100")));
        CfdAccount account = CfdAccount.builder("acct-1", usd("10000")).terms(terms).clock(clock)
                .riskGovernor(governor(rules)).build();
        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));
        account.submit(OrderRequest.buy(BTC).quantity("0.1").build());
        account.mark(BTC, Price.of("39000.00"), Price.of("39000.00"));
        account.submit(OrderRequest.sell(BTC).quantity("0.05").build());   // a partial close: no round trip
        assertThat(account.submit(OrderRequest.buy(BTC).quantity("0.01").build()).status())
                .isEqualTo(OrderStatus.FILLED);
        account.submit(OrderRequest.sell(BTC).quantity("0.06").build());   // flat: a round trip losing 100
        assertThat(account.closedTrades()).singleElement()
                .satisfies(t -> assertThat(t.netPnl()).isEqualTo(usd("-100")));
        // −100 is not worse than the 100 threshold; the next losing trip (−200) is, and halts the account
        account.submit(OrderRequest.buy(BTC).quantity("0.2").build());
        account.mark(BTC, Price.of("38000.00"), Price.of("38000.00"));
        account.submit(OrderRequest.sell(BTC).quantity("0.2").build());
        assertThat(account.closedTrades()).hasSize(2);
        assertThat(account.submit(OrderRequest.buy(BTC).quantity("0.01").build()).reason()).contains("HALTED");
    }

    @Test
    void aGovernorWithoutTheAccountsMarginRuleOrOneSetTwiceIsRefused() {
        RiskGovernor bare = governor(List.of(new StaleMarketDataRule(Duration.ofMinutes(5))));
        assertThatThrownBy(() -> CfdAccount.builder("acct-1", usd("10000")).clock(clock).riskGovernor(bare).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(CfdMarginRule.CODE)
                .hasMessageContaining(StaleMarketDataRule.CODE);
        RiskGovernor full = governor(CfdTerms.defaults().riskRules());
        assertThatThrownBy(() -> CfdAccount.builder("acct-1", usd("10000")).riskGovernor(full).riskGovernor(full))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("set twice");
        assertThat(CfdAccount.builder("acct-1", usd("10000")).clock(clock).riskGovernor(full).build().accountId())
                .isEqualTo("acct-1");
    }

    private RiskGovernor governor(List<RiskRule> rules) {
        return RiskGovernor.builder().clock(clock).rules(rules.toArray(new RiskRule[0])).build();
    }
}
