package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.Liquidity;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PolymarketFeeModelTest {
    private static final Instrument UP = Instrument.builder("UP", Venue.of("POLYMARKET"))
            .assetClass(AssetClass.BINARY_OUTCOME).quoteCurrency(Currency.PUSD).pricePrecision(6).sizePrecision(6)
            .build();

    @Test
    void chargesTakersTheCurveOfTheReferenceAndMakersNothing() {
        PolymarketFeeModel crypto = PolymarketFeeModel.crypto();
        // fees.md: crypto, 100 shares at 0.50 -> 1.75
        assertThat(crypto.fee(UP, Side.BUY, Price.of("0.5"), Quantity.of("100"), Liquidity.TAKER))
                .isEqualTo(Money.of("1.75", 6, Currency.PUSD));
        assertThat(crypto.fee(UP, Side.BUY, Price.of("0.5"), Quantity.of("100"), Liquidity.MAKER))
                .isEqualTo(Money.zero(Currency.PUSD));
        // January 2026 curve: 100 shares at 0.50 -> 1.5625 (the 1.56 % of the docs), at 0.10 -> 0.2025
        PolymarketFeeModel january = PolymarketFeeModel.crypto15mJanuary2026();
        assertThat(january.takerFee(new BigDecimal("100"), new BigDecimal("0.5"))).isEqualByComparingTo("1.5625");
        assertThat(january.takerFee(new BigDecimal("100"), new BigDecimal("0.1"))).isEqualByComparingTo("0.2025");
        // 5 decimals, half-up: 3 × 0.07 × 0.123 × 0.877 = 0.02265291 -> 0.02265
        assertThat(crypto.takerFee(new BigDecimal("3"), new BigDecimal("0.123"))).isEqualByComparingTo("0.02265");
    }

    @Test
    void theDecisionBoundNeverUnderCountsTheExactFee() {
        for (PolymarketFeeModel model : new PolymarketFeeModel[] {PolymarketFeeModel.crypto(),
                PolymarketFeeModel.crypto15mJanuary2026()}) {
            for (long p = 1; p < 1_000_000; p += 997) {
                BigDecimal exact = model.takerFee(BigDecimal.ONE, BigDecimal.valueOf(p, 6));
                assertThat(BigDecimal.valueOf(model.feePerShareCeilRaw(p), 6)).as("p = %d", p)
                        .isGreaterThanOrEqualTo(exact.subtract(new BigDecimal("0.000005")));
            }
        }
        assertThat(PolymarketFeeModel.crypto().feePerShareCeilRaw(500_000)).isEqualTo(17_500); // 0.07 × 0.25
        assertThat(PolymarketFeeModel.free().feePerShareCeilRaw(500_000)).isZero();
    }
}
