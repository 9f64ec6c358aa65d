package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.order.OrderAmounts;
import dev.tradingsdk.polymarket.order.OrderAmounts.MarketPrecision;
import dev.tradingsdk.polymarket.order.PolymarketFees;
import dev.tradingsdk.polymarket.order.TickSize;
import java.math.BigDecimal;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrderAmountsTest {

    static Stream<JsonNode> amountVectors() {
        return StreamSupport.stream(Vectors.json("vectors/order-amounts.json").get("vectors").spliterator(), false);
    }

    static Stream<JsonNode> feeVectors() {
        return StreamSupport.stream(Vectors.json("vectors/fees.json").get("vectors").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amountVectors")
    void matchesOfficialClientAmounts(JsonNode vector) {
        Side side = Side.valueOf(vector.get("side").asText());
        BigDecimal price = vector.get("price").decimalValue();
        TickSize tick = TickSize.of(vector.get("tickSize").asText());
        OrderAmounts amounts = "limit".equals(vector.get("kind").asText())
                ? OrderAmounts.limit(side, price, vector.get("size").decimalValue(), tick)
                : OrderAmounts.market(side, price, vector.get("amount").decimalValue(), tick,
                        MarketPrecision.CLIENT_ROUNDING_CONFIG);
        assertThat(amounts.makerAmount()).isEqualTo(Long.parseLong(vector.get("expectedMakerAmount").asText()));
        assertThat(amounts.takerAmount()).isEqualTo(Long.parseLong(vector.get("expectedTakerAmount").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amountVectors")
    void serverPrecisionKeepsMarketOrdersAtTwoAndFourDecimals(JsonNode vector) {
        if (!"market".equals(vector.get("kind").asText())) {
            return;
        }
        Side side = Side.valueOf(vector.get("side").asText());
        TickSize tick = TickSize.of(vector.get("tickSize").asText());
        OrderAmounts server = OrderAmounts.market(side, vector.get("price").decimalValue(),
                vector.get("amount").decimalValue(), tick);
        long expectedTaker = Long.parseLong(vector.get("expectedTakerAmount").asText());
        assertThat(server.makerAmount() % 10_000).isZero();
        assertThat(server.takerAmount() % 100).isZero();
        assertThat(server.takerAmount()).isEqualTo(expectedTaker / 100 * 100);
    }

    @Test
    void marketBuyOnFineTicksIsClampedNotRejected() {
        // py-clob-client #253: 2.03 USDC at 0.58 gave taker 3.4827 shares plus float noise; v2 #99: 0.001 ticks.
        OrderAmounts buy = OrderAmounts.market(Side.BUY, new BigDecimal("0.58"), new BigDecimal("2.03"),
                TickSize.HUNDREDTH);
        assertThat(buy).isEqualTo(new OrderAmounts(2_030_000, 3_500_000));
        OrderAmounts fine = OrderAmounts.market(Side.BUY, new BigDecimal("0.057"), new BigDecimal("10"),
                TickSize.THOUSANDTH);
        assertThat(fine).isEqualTo(new OrderAmounts(10_000_000, 175_438_500));
        OrderAmounts sell = OrderAmounts.market(Side.SELL, new BigDecimal("0.057"), new BigDecimal("1.23"),
                TickSize.THOUSANDTH);
        assertThat(sell).isEqualTo(new OrderAmounts(1_230_000, 70_100));
    }

    @ParameterizedTest
    @CsvSource({
        "0.005, 0.505, 10, 5050000, 10000000",
        "0.0025, 0.5025, 10, 5025000, 10000000",
        "0.0025, 0.0025, 3.33, 8325, 3330000",
        "0.005, 0.995, 1.01, 1004950, 1010000",
    })
    void newTickSizesUseTheirAmountDecimals(String tick, String price, String size, long maker, long taker) {
        OrderAmounts amounts = OrderAmounts.limit(Side.BUY, new BigDecimal(price), new BigDecimal(size),
                TickSize.of(tick));
        assertThat(amounts).isEqualTo(new OrderAmounts(maker, taker));
    }

    @ParameterizedTest
    @CsvSource({
        "0.01, 0.00, must lie in",
        "0.01, 1.00, must lie in",
        "0.01, 0.015, not a multiple",
        "0.005, 0.503, not a multiple",
        "0.1, 0.95, must lie in",
        "0.0025, 0.9990, must lie in",
    })
    void rejectsPricesOutsideTheGrid(String tick, String price, String message) {
        assertThatThrownBy(() -> OrderAmounts.limit(Side.BUY, new BigDecimal(price), BigDecimal.TEN,
                TickSize.of(tick))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message)
                .hasMessageContaining(new BigDecimal(price).toPlainString());
    }

    @Test
    void rejectsSizesThatTruncateToZeroAndUnknownTicks() {
        assertThatThrownBy(() -> OrderAmounts.limit(Side.SELL, new BigDecimal("0.5"), new BigDecimal("0.009"),
                TickSize.TENTH)).hasMessageContaining("size 0.009");
        assertThatThrownBy(() -> TickSize.of("0.02")).hasMessageContaining("unsupported tick size 0.02");
        assertThat(TickSize.of("0.010")).isEqualTo(TickSize.HUNDREDTH);
    }

    @ParameterizedTest
    @MethodSource("feeVectors")
    void feesMatchOfficialClient(JsonNode vector) {
        BigDecimal contracts = vector.get("contracts").decimalValue();
        BigDecimal price = vector.get("price").decimalValue();
        if (vector.has("expectedPlatformFee")) {
            BigDecimal fee = PolymarketFees.platformFee(contracts, price, vector.get("feeRate").decimalValue(),
                    vector.get("feeExponent").asInt());
            assertThat(fee).isEqualByComparingTo(vector.get("expectedPlatformFee").decimalValue());
        } else {
            BigDecimal fee = PolymarketFees.builderFee(contracts, price,
                    vector.get("builderTakerFeeRate").decimalValue());
            assertThat(fee).isEqualByComparingTo(vector.get("expectedBuilderFee").decimalValue());
        }
    }

    @Test
    void feesRejectBadInput() {
        assertThatThrownBy(() -> PolymarketFees.platformFee(BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("0.25"), 2))
                .hasMessageContaining("price");
        assertThatThrownBy(() -> PolymarketFees.platformFee(BigDecimal.TEN, new BigDecimal("0.5"),
                new BigDecimal("-1"), 2)).hasMessageContaining("feeRate");
    }
}
