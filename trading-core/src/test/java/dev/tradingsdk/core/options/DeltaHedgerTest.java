package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.options.OptionsFixtures.CHAIN;
import static dev.tradingsdk.core.options.OptionsFixtures.ESZ6;
import static dev.tradingsdk.core.options.OptionsFixtures.T0;
import static dev.tradingsdk.core.options.OptionsFixtures.T0_NANOS;
import static dev.tradingsdk.core.options.OptionsFixtures.call;
import static dev.tradingsdk.core.options.OptionsFixtures.fill;
import static dev.tradingsdk.core.options.OptionsFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.DeltaSource;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeltaHedgerTest {

    private final Portfolio account = new Portfolio("acc-1", Money.of("1000000.00", Currency.USD));

    /** Fixed deltas, so the hedge sizes below are exact. */
    private static DeltaSource deltas(String callDelta) {
        return DeltaSource.of(Map.of(call(5000).id(), new BigDecimal(callDelta)));
    }

    private Optional<OrderRequest> hedge(String band, DeltaSource deltas) {
        return new DeltaHedger(ESZ6, new BigDecimal(band), deltas).propose(account, ClientOrderId.of("h-1"));
    }

    @Test
    void withinTheBandNothingIsProposed() {
        account.apply(fill(call(5000), Side.BUY, 2, "100.00", T0));
        // 2 × 50 × 0.6 = 60 units: at the band, not beyond it; a millionth beyond, sell 1.2 → 1 future.
        assertThat(hedge("60", deltas("0.6"))).isEmpty();
        assertThat(hedge("59.999999", deltas("0.6")).orElseThrow().quantity()).isEqualTo(Quantity.of("1"));
    }

    @Test
    void beyondTheBandTheHedgeFlattensToWholeContractsRoundedHalfEven() {
        account.apply(fill(call(5000), Side.BUY, 3, "100.00", T0));
        // 3 × 50 × 0.5 = 75 units = 1.5 futures: half-even rounds to 2, a sell.
        OrderRequest order = hedge("10", deltas("0.5")).orElseThrow();
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.quantity()).isEqualTo(Quantity.of("2"));
        assertThat(order.type()).isEqualTo(OrderType.MARKET);
        assertThat(order.instrument()).isEqualTo(ESZ6);
        assertThat(order.clientOrderId()).isEqualTo(ClientOrderId.of("h-1"));
        // 5 × 50 × 0.5 = 125 units = 2.5 futures: half-even rounds to 2.
        account.apply(fill(call(5000), Side.BUY, 2, "100.00", T0));
        assertThat(hedge("10", deltas("0.5")).orElseThrow().quantity()).isEqualTo(Quantity.of("2"));
        // A short delta is hedged with a buy.
        account.apply(fill(ESZ6, Side.SELL, 6, "5000.00", T0));
        OrderRequest buy = hedge("10", deltas("0.5")).orElseThrow();
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.quantity()).isEqualTo(Quantity.of("4"));
    }

    @Test
    void aHedgeThatRoundsToNoContractIsNotProposed() {
        account.apply(fill(call(5000), Side.BUY, 1, "100.00", T0));
        // 25 units is half a future: half-even rounds to zero contracts.
        assertThat(hedge("0", deltas("0.5"))).isEmpty();
        assertThat(new DeltaHedger(ESZ6, BigDecimal.ZERO, deltas("0.5")).netDelta(account))
                .isEqualByComparingTo("25");
    }

    @Test
    void anUnknownDeltaIsAnErrorNotAZeroHedge() {
        account.apply(fill(put(5000), Side.BUY, 1, "100.00", T0));
        assertThatThrownBy(() -> hedge("10", deltas("0.5"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acc-1").hasMessageContaining("ES");
    }

    @Test
    void badConfigurationIsRefused() {
        assertThatThrownBy(() -> new DeltaHedger(call(5000), BigDecimal.ONE, deltas("0.5")))
                .hasMessageContaining("is an option");
        assertThatThrownBy(() -> new DeltaHedger(ESZ6, new BigDecimal("-1"), deltas("0.5")))
                .hasMessageContaining("band").hasMessageContaining("-1");
        assertThatThrownBy(() -> new DeltaHedger(ESZ6, new BigDecimal("0.0000001"), deltas("0.5")))
                .hasMessageContaining("decimal places");
        assertThatThrownBy(() -> new DeltaHedger(ESZ6, BigDecimal.ONE, instrument -> DeltaSource.UNKNOWN))
                .hasMessageContaining("no usable delta");
    }

    @Test
    void theModelChainHedgesARealOptionsPosition() {
        GreeksBook book = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        book.time(T0_NANOS);
        book.price(ESZ6, 500_000);
        book.volatilityOfAll(ESZ6, 0.2);
        Instrument call = call(5000);
        account.apply(fill(call, Side.SELL, 20, "110.00", T0));
        // Short 20 at-the-money calls ≈ −20 × 50 × 0.509 = −509 units: buy 10 futures.
        OrderRequest order = new DeltaHedger(ESZ6, new BigDecimal("25"), book)
                .propose(account, ClientOrderId.of("h-2")).orElseThrow();
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.quantity()).isEqualTo(Quantity.of("10"));
    }
}
