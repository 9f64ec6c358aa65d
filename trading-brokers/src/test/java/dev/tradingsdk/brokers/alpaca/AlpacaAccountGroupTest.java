package dev.tradingsdk.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.brokers.AccountGroup;
import dev.tradingsdk.brokers.Credentials;
import dev.tradingsdk.brokers.Vectors;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** Two Alpaca accounts (two keys, two loopback servers) under one facade. */
class AlpacaAccountGroupTest {

    @Test
    void positionsAndSummariesAggregateAcrossAccountsAndOrdersGoToTheNamedOne() throws IOException {
        JsonNode longFive = Vectors.testCase("alpaca-positions.json", "list_positions").path("response").path("body");
        JsonNode shortTwo = new ObjectMapper().readTree(longFive.toString().replace("\"qty\":\"5\"", "\"qty\":\"-2\"")
                .replace("\"side\":\"long\"", "\"side\":\"short\"").replace("\"market_value\":\"600.0\"",
                        "\"market_value\":\"-240.0\"").replace("\"unrealized_pl\":\"100.0\"", "\"unrealized_pl\":\"-40.0\""));
        FakeAlpaca fundA = new FakeAlpaca("PKFUNDA0000000", longFive);
        FakeAlpaca fundB = new FakeAlpaca("PKFUNDB0000000", shortTwo);
        try (MockWebServer a = new MockWebServer(); MockWebServer b = new MockWebServer()) {
            a.setDispatcher(fundA);
            b.setDispatcher(fundB);
            AccountGroup group = AccountGroup.of(broker("fund-a", a, "PKFUNDA0000000"),
                    broker("fund-b", b, "PKFUNDB0000000"));

            AccountGroup.AggregatePosition aapl = group.positions().get(0);
            assertThat(aapl.symbol()).isEqualTo("AAPL");
            assertThat(aapl.side()).isEqualTo(PositionSide.LONG);
            assertThat(aapl.quantity()).isEqualTo(Quantity.of("3"));
            assertThat(aapl.marketValue()).isEqualTo(Money.of("360.00", Currency.USD));
            assertThat(aapl.unrealizedPnl()).isEqualTo(Money.of("60.00", Currency.USD));
            assertThat(aapl.byAccount()).containsOnlyKeys("fund-a", "fund-b");

            AccountGroup.Summary summary = group.summary();
            assertThat(summary.equity()).isEqualTo(Money.of("207641.12", Currency.USD));
            assertThat(summary.cash()).isEqualTo(Money.of("-46280.40", Currency.USD));
            assertThat(summary.accounts()).hasSize(2);

            group.account("fund-b").submit(OrderRequest.buy(AlpacaBroker.usEquity("AAPL"))
                    .clientOrderId(ClientOrderId.of("fund-b-1")).quantity("2").limit("150.00").build());
            assertThat(fundB.orderPosts).isEqualTo(1);
            assertThat(fundA.orderPosts).isZero();
            assertThatThrownBy(() -> group.account("fund-c")).hasMessageContaining("[fund-a, fund-b]");
            assertThatThrownBy(() -> AccountGroup.of(broker("fund-a", a, "K1234567890"),
                    broker("fund-a", b, "K1234567890"))).hasMessageContaining("two accounts are named fund-a");
        }
    }

    private static AlpacaBroker broker(String name, MockWebServer server, String keyId) {
        return AlpacaBroker.builder().name(name).baseUrl(server.url("/").toString())
                .credentials(Credentials.of(keyId, FakeAlpaca.SECRET)).retryPolicy(RetryPolicy.none()).build();
    }
}
