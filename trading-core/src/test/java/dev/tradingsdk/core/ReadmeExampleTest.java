package dev.tradingsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.time.SimulatedClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The example in README-domain.md, which must stay identical to the marked part of {@link #readmeExample()}. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        // README example begins
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-20T14:30:00Z"));
        Instrument btc = Instrument.builder("BTCUSD", Venue.SIM)
                .assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USD)
                .pricePrecision(2).sizePrecision(3).minSize("0.010")
                .build();

        OrderRequest request = OrderRequest.buy(btc).quantity("0.250").limit("64000.50")
                .clientOrderId("readme-1").build();
        Order order = new Order(request, clock.now());
        order.markSubmitted(clock.now());
        order.markAccepted("venue-42", clock.now());
        clock.advance(Duration.ofMillis(250));
        Fill fill = new Fill(request.clientOrderId(), "trade-1", btc, Side.BUY, Price.of("64000.50"),
                Quantity.of("0.250"), Money.of("1.60", Currency.USD), clock.now());
        order.applyFill(fill);

        Portfolio portfolio = new Portfolio("paper", Money.of("20000", Currency.USD));
        portfolio.apply(fill);
        portfolio.mark(btc, btc.roundPrice(new BigDecimal("64400.004"), RoundingMode.HALF_EVEN));

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fill.notional()).isEqualTo(Money.of("16000.125", Currency.USD));
        assertThat(portfolio.cash()).isEqualTo(Money.of("3998.275", Currency.USD));      // 20000 - 16000.125 - 1.60
        assertThat(portfolio.unrealizedPnl()).isEqualTo(Money.of("99.875", Currency.USD)); // 0.25 x (64400 - 64000.50)

        // closing the position closes its round trip: one ClosedTrade, net of both fees
        clock.advance(Duration.ofMinutes(5));
        ClosedTrade trip = portfolio.apply(new Fill(ClientOrderId.of("readme-2"), "trade-2", btc, Side.SELL,
                Price.of("64400.00"), Quantity.of("0.250"), Money.of("1.61", Currency.USD), clock.now())).orElseThrow();
        assertThat(trip.grossPnl()).isEqualTo(Money.of("99.875", Currency.USD));
        assertThat(trip.netPnl()).isEqualTo(Money.of("96.665", Currency.USD));           // 99.875 - 1.60 - 1.61
        assertThat(portfolio.closedTrades()).containsExactly(trip);
        // README example ends
    }

    @Test
    void readmeShowsExactlyTheExample() throws IOException {
        ReadmeBlocks.assertFirstBlockIsTheExample("README-domain.md", "src/test/java/dev/tradingsdk/core/ReadmeExampleTest.java");
    }
}
