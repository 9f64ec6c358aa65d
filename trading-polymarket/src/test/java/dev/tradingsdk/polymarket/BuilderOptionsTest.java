package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.arb.PairCostConfig;
import dev.tradingsdk.polymarket.order.ClobOrderRequest;
import dev.tradingsdk.polymarket.order.ClobOrderType;
import dev.tradingsdk.polymarket.order.OrderAmounts;
import dev.tradingsdk.polymarket.signing.ClobOrder;
import dev.tradingsdk.polymarket.signing.SignatureType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every builder refuses a second value for an option, naming both, and secrets by type only. */
class BuilderOptionsTest {

    @Test
    void clobClientRefusesAnOptionSetTwiceNamingBoth() {
        assertThatThrownBy(() -> ClobClient.builder().baseUrl("http://a.example").baseUrl("http://b.example"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("baseUrl set twice: http://a.example and http://b.example");
        assertThatThrownBy(() -> ClobClient.builder().timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3)).timeouts(Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(6)))
                .hasMessage("timeouts set twice: PT1S/PT2S/PT3S and PT4S/PT5S/PT6S");
        assertThatThrownBy(() -> ClobClient.builder().rateLimit(ClobEndpoints.BOOK, ClobEndpoints.GENERAL_LIMIT)
                .rateLimit(ClobEndpoints.BOOK, ClobEndpoints.GENERAL_LIMIT))
                .hasMessageStartingWith("rateLimit " + ClobEndpoints.BOOK + " set twice: RateLimit[");
    }

    @Test
    void clobClientNamesKeysAndCredentialsByTypeOnly() {
        assertThatThrownBy(() -> ClobClient.builder().walletKey(ClobClientTest.KEY).walletKey(ClobClientTest.KEY))
                .hasMessage("walletKey set twice: a WalletKey and a WalletKey");
        assertThatThrownBy(() -> ClobClient.builder().credentials(ClobClientTest.CREDS)
                .credentials(ClobClientTest.CREDS))
                .hasMessage("credentials set twice: an ApiCredentials and an ApiCredentials");
        assertThatThrownBy(() -> ClobClient.builder().funder(ClobClientTest.KEY.address(), SignatureType.EOA)
                .funder(ClobClientTest.KEY.address(), SignatureType.POLY_1271))
                .hasMessageContaining("funder set twice: ").hasMessageContaining(" EOA and ")
                .hasMessageEndingWith(" POLY_1271");
    }

    @Test
    void gammaClientRefusesAnOptionSetTwiceNamingBoth() {
        assertThatThrownBy(() -> GammaClient.builder().retryPolicy(RetryPolicy.none()).retryPolicy(
                RetryPolicy.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("retryPolicy set twice: " + RetryPolicy.none() + " and " + RetryPolicy.defaults());
    }

    @Test
    void clobStreamRefusesAnOptionSetTwiceAndCustomFeaturesOnAUserStream() {
        assertThatThrownBy(() -> ClobStream.market(List.of("1")).pingInterval(Duration.ofSeconds(5))
                .pingInterval(Duration.ofSeconds(7)))
                .isInstanceOf(IllegalStateException.class).hasMessage("pingInterval set twice: PT5S and PT7S");
        assertThatThrownBy(() -> ClobStream.user(ClobClientTest.CREDS, List.of("0x5f")).customFeatures(false)
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("customFeatures set on a user stream: only market streams have them");
    }

    @Test
    void pairCostConfigRefusesAnOptionSetTwiceNamingBoth() {
        assertThatThrownBy(() -> PairCostConfig.builder().target("0.97").target("0.96"))
                .isInstanceOf(IllegalStateException.class).hasMessage("target set twice: 0.97 and 0.96");
        assertThatThrownBy(() -> PairCostConfig.builder().stopLoss("500", "4").stopLoss("600", "3"))
                .hasMessage("stopLoss set twice: 4 % of 500 and 3 % of 600");
    }

    @Test
    void clobOrderRequestRefusesAnOptionSetTwiceAndGoodTillAfterAnotherType() {
        ClobOrderRequest.Builder limit = ClobOrderRequest.limit("1234", Side.BUY, new BigDecimal("0.5"),
                BigDecimal.TEN);
        assertThatThrownBy(() -> limit.feeRateBps(0).feeRateBps(10))
                .isInstanceOf(IllegalStateException.class).hasMessage("feeRateBps set twice: 0 and 10");
        assertThatThrownBy(() -> ClobOrderRequest.limit("1234", Side.BUY, new BigDecimal("0.5"), BigDecimal.TEN)
                .orderType(ClobOrderType.GTC).goodTill(1_800_000_000L))
                .isInstanceOf(IllegalStateException.class).hasMessage("orderType set twice: GTC and GTD");
    }

    @Test
    void clobOrderRefusesAFieldSetTwiceAndAmountsAfterAnAmount() {
        assertThatThrownBy(() -> ClobOrder.builder().salt(1).salt(2))
                .isInstanceOf(IllegalStateException.class).hasMessage("salt set twice: 1 and 2");
        assertThatThrownBy(() -> ClobOrder.builder().makerAmount(1_000_000).amounts(new OrderAmounts(2_000_000,
                4_000_000)))
                .isInstanceOf(IllegalStateException.class).hasMessage("makerAmount set twice: 1000000 and 2000000");
    }
}
