package dev.tradingsdk.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.brokers.BrokerAccount;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.Vectors;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.rules.MaxDailyLossRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Realized P&amp;L computed from Alpaca's FILL activities (alpaca-activities.json) against a loopback Alpaca whose
 * positions move with its fills; the session starts from the vectors' position, 5 AAPL at 100.
 */
class AlpacaRealizedPnlTest {

    private final LoopbackAlpaca alpaca = new LoopbackAlpaca(new FakeAlpaca().booksFills());
    private final FakeAlpaca fake = alpaca.fake;
    private final AlpacaBroker broker = alpaca.broker().build();

    @AfterEach
    void stop() throws IOException {
        alpaca.close();
    }

    private static Money usd(String amount) {
        return Money.of(amount, Currency.USD);
    }

    @Test
    void aFreshSessionHasRealizedNothingAndReadsTheFillActivities() {
        BrokerAccount account = broker.account();
        assertThat(account.realizedPnlUnknown()).isEmpty();
        assertThat(account.realizedPnl()).isEqualTo(usd("0"));
        assertThat(fake.calls).contains("GET /v2/account/activities/FILL");
    }

    @Test
    void fillsSinceTheSessionStartAreBookedAtAverageCost() {
        broker.account();
        fake.execute("AAPL", "sell", "3", "120");              // 3 of the 5 at 100: +60
        assertThat(broker.account().realizedPnl()).isEqualTo(usd("60.00"));

        fake.execute("AAPL", "buy", "2", "110");               // 4 at 105
        fake.execute("AAPL", "sell", "4", "100");              // -20, flat
        fake.execute("AAPL", "sell_short", "2", "130.50");     // short 2
        fake.execute("AAPL", "buy", "2", "125.25");            // +10.50, flat
        BrokerAccount account = broker.account();
        assertThat(account.realizedPnlUnknown()).isEmpty();
        assertThat(account.realizedPnl()).isEqualTo(usd("50.50"));
        assertThat(BrokerGateway.of(broker).realizedPnl()).isEqualTo(usd("50.50"));
    }

    @Test
    void fillsBeforeTheSessionStartAreInItsStartingPositionNotItsPnl() {
        fake.execute("AAPL", "sell", "1", "150");              // before the first read: 4 left at 100
        assertThat(broker.account().realizedPnl()).isEqualTo(usd("0"));
        fake.execute("AAPL", "sell", "4", "101");
        assertThat(broker.account().realizedPnl()).isEqualTo(usd("4.00"));
    }

    @Test
    void theVerbatimActivityIsBookedAsItsFill() {
        broker.account();
        ObjectNode googl = (ObjectNode) Vectors.testCase("alpaca-activities.json", "fill").path("response")
                .path("body").get(0).deepCopy();
        fake.listOnly(googl);                                   // GOOGL buy 9 at 2630.95
        fake.moveOnly("GOOGL", "buy", "9", "2630.95");
        assertThat(broker.account().realizedPnl()).isEqualTo(usd("0"));
        fake.execute("GOOGL", "sell", "9", "2640.95");
        assertThat(broker.account().realizedPnl()).isEqualTo(usd("90.00"));
    }

    @Test
    void aFillThePositionsDoNotShowMakesItUnknownUntilTheyAgree() {
        broker.account();
        ObjectNode sell = fake.execute("AAPL", "sell", "2", "110");
        fake.moveOnly("AAPL", "buy", "2", "110");               // undo the move: Alpaca's positions lag the fill
        BrokerAccount lagging = broker.account();
        assertThat(lagging.realizedPnlUnknown()).get().asString().contains("AAPL").contains("3").contains("5");
        assertThat(lagging.realizedPnl()).isEqualTo(usd("0"));
        BrokerGateway gateway = BrokerGateway.builder(broker).maxAccountAge(Duration.ZERO).build();
        assertThatThrownBy(gateway::realizedPnl).isInstanceOf(BrokerException.class)
                .hasMessageContaining("unknown").hasMessageContaining("AAPL")
                .hasMessageNotContaining(FakeAlpaca.SECRET);
        assertThat(gateway.equity()).as("the rest of the account still reads").isNotNull();

        fake.moveOnly("AAPL", "sell", "2", sell.path("price").asText());
        assertThat(broker.account().realizedPnl()).isEqualTo(usd("20.00"));
        assertThat(gateway.realizedPnl()).isEqualTo(usd("20.00"));
    }

    @Test
    void aFillOfAnUnheldSymbolThatNoPositionShowsIsUnknownNotZero() {
        broker.account();
        fake.listOnly((ObjectNode) Vectors.testCase("alpaca-activities.json", "fill").path("response").path("body")
                .get(0).deepCopy());
        assertThat(broker.account().realizedPnlUnknown()).get().asString().contains("GOOGL").contains("9");
    }

    @Test
    void anActivityThatCannotBeBookedIsUnknownNamingFieldAndValue() {
        broker.account();
        fake.execute("AAPL", "sell", "0.5", "120");            // fractional, but AAPL here trades whole shares
        assertThat(broker.account().realizedPnlUnknown()).get().asString().contains("'qty'").contains("0.5");
    }

    @Test
    void manyFillsArePagedInAlpacasOrder() {
        broker.account();
        for (int i = 0; i < 130; i++) {
            fake.execute("AAPL", "buy", "1", "100");
            fake.execute("AAPL", "sell", "1", "100.01");
        }
        BrokerAccount account = broker.account();
        assertThat(account.realizedPnlUnknown()).isEmpty();
        assertThat(account.realizedPnl()).isEqualTo(usd("1.30"));   // 130 sells at a cent above cost
        long pages = fake.calls.stream().filter(c -> c.equals("GET /v2/account/activities/FILL")).count();
        assertThat(pages).as("the start (newest id twice, one empty page), then 100 + 100 + 60 fills")
                .isEqualTo(3 + 3);
    }

    @Test
    void aFillLandingWhileTheStartingPositionsAreReadIsNotCountedTwice() {
        // The first account read reads positions, then the session start reads them again between two looks at the
        // newest fill: a fill landing there may or may not be in those positions, so the start is taken again.
        fake.afterPositionsRead(() -> fake.afterPositionsRead(() -> fake.execute("AAPL", "sell", "1", "200")));
        BrokerAccount first = broker.account();
        assertThat(first.realizedPnlUnknown()).isEmpty();
        assertThat(first.realizedPnl()).as("the fill is in the starting position").isEqualTo(usd("0"));
        fake.execute("AAPL", "sell", "4", "101");
        assertThat(broker.account().realizedPnl()).isEqualTo(usd("4.00"));
    }

    @Test
    void anActivitiesOutageLeavesTheAccountReadableAndThePnlUnknown() {
        broker.account();
        fake.execute("AAPL", "sell", "1", "110");
        fake.activitiesDown(true);
        BrokerAccount account = broker.account();
        assertThat(account.equity()).isEqualTo(usd("103820.56"));
        assertThat(account.realizedPnlUnknown()).get().asString().contains("activities").contains("UNAVAILABLE")
                .doesNotContain(FakeAlpaca.SECRET);
        fake.activitiesDown(false);
        assertThat(broker.account().realizedPnl()).isEqualTo(usd("10.00"));
    }

    @Test
    void aDailyLossRuleRejectsOrdersWhileThePnlIsUnknownAndPassesThemWhenKnown() {
        // One account read per check: the gateway's snapshot lives a second, the clock moves two between checks.
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T14:30:00Z"));
        BrokerGateway gateway = BrokerGateway.builder(broker).clock(clock).build();
        RiskGovernor governor = RiskGovernor.builder()
                .rule(new MaxDailyLossRule(usd("100000"), ZoneOffset.UTC)).build();
        OrderRequest buy = OrderRequest.buy(AlpacaBroker.usEquity("AAPL")).clientOrderId("risk-1").quantity("1")
                .limit("100.00").build();
        assertThat(governor.check(buy, gateway, MarketState.NONE).accepted()).isTrue();

        fake.listOnly((ObjectNode) Vectors.testCase("alpaca-activities.json", "fill").path("response").path("body")
                .get(0).deepCopy());
        clock.advance(Duration.ofSeconds(2));
        RiskDecision unknown = governor.check(buy, gateway, MarketState.NONE);
        assertThat(unknown.rejected()).as("unknown is not 'nothing lost'").isTrue();
        assertThat(unknown.violations().get(0).toString()).contains("realized P&L is unknown");

        fake.moveOnly("GOOGL", "buy", "9", "2630.95");       // marked at the template's 120: far below the limit
        clock.advance(Duration.ofSeconds(2));
        assertThat(governor.check(buy, gateway, MarketState.NONE).accepted()).isTrue();
    }
}
