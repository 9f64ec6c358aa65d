package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.testkit.OrderGatewayContract;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The core gateway contract for KalshiOrderGateway, on a stateful loopback Kalshi, plus Kalshi specifics. */
class KalshiOrderGatewayTest extends OrderGatewayContract {

    static final Instrument MARKET = KalshiInstruments.yesContract("KXHIGHNY-26MAY05-B74.5", "0.01", null);

    private FakeKalshiVenue venue;

    @Override
    protected OrderGateway newGateway() {
        try {
            venue = new FakeKalshiVenue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        KalshiClient client = KalshiClient.builder().baseUrl(venue.baseUrl()).signer(KalshiClientTest.signer())
                .rateLimits(KalshiRateLimits.of(100_000, 100_000, 100_000, 100_000)).build();
        return new KalshiOrderGateway(client, new SimulatedClock(Instant.parse("2026-05-04T18:00:00Z")));
    }

    @AfterEach
    void stopVenue() throws Exception {
        venue.close();
    }

    @Override
    protected Instrument instrument() {
        return MARKET;
    }

    @Override
    protected OrderRequest restingBuy(ClientOrderId id) {
        return OrderRequest.buy(MARKET).clientOrderId(id).quantity("10").limit("0.05").build();
    }

    @Override
    protected OrderRequest fillingBuy(ClientOrderId id) {
        return OrderRequest.buy(MARKET).clientOrderId(id).quantity("10").market().build();
    }

    @Test
    void aMarketOrderGoesOutAsAnIocAtTheWorstTickAndFillsFromTheVenueFills() throws Exception {
        Order filled = gateway.submit(fillingBuy(ClientOrderId.of("mkt-1")));
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.averageFillPrice()).contains(dev.tradingsdk.core.num.Price.of("0.4400"));
        assertThat(filled.fees().toBigDecimal()).isEqualByComparingTo("0.02");
        assertThat(venue.fillQueries()).containsExactly(filled.venueOrderId().orElseThrow());
        String body = venue.createBodies().get(0);
        assertThat(body).contains("\"side\":\"bid\"").contains("\"price\":\"0.9900\"")
                .contains("\"time_in_force\":\"immediate_or_cancel\"").contains("\"client_order_id\":\"mkt-1\"");
    }

    @Test
    void unsupportedOrdersAreRejectedWithoutARequest() {
        Order stop = gateway.submit(OrderRequest.buy(MARKET).clientOrderId("stop-1").quantity("1").stop("0.50").build());
        assertThat(stop.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(stop.reason()).contains("STOP");
        Order day = gateway.submit(OrderRequest.buy(MARKET).clientOrderId("day-1").quantity("1").limit("0.50")
                .timeInForce(dev.tradingsdk.core.order.TimeInForce.DAY).build());
        assertThat(day.reason()).contains("DAY");
        assertThat(venue.ordersReceived()).isZero();
    }
}
