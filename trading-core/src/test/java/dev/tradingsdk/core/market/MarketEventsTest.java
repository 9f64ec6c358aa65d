package dev.tradingsdk.core.market;

import static dev.tradingsdk.core.TestInstruments.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketEventsTest {

    private static final Instant OPEN = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant CLOSE = OPEN.plusSeconds(60);

    @Test
    void aBarIsKnownAtItsClose() {
        Bar bar = new Bar(BTC, OPEN, CLOSE, Price.of("100"), Price.of("101"), Price.of("99"), Price.of("100.5"),
                Quantity.of("3.2"));
        assertThat(bar.timestamp()).isEqualTo(CLOSE);
        assertThat(bar.instrument()).isEqualTo(BTC);
        assertThatThrownBy(() -> new Bar(BTC, OPEN, OPEN, Price.of("1"), Price.of("1"), Price.of("1"), Price.of("1"),
                Quantity.of("1"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closeTime");
    }

    @Test
    void quoteSpreadMayBeNegativeWhenCrossed() {
        Quote quote = new Quote(BTC, OPEN, Price.of("100.00"), Quantity.of("1"), Price.of("100.05"), Quantity.of("2"));
        assertThat(quote.spread()).isEqualTo(Price.of("0.05"));
        Quote crossed = new Quote(BTC, OPEN, Price.of("100.10"), Quantity.of("1"), Price.of("100"), Quantity.of("2"));
        assertThat(crossed.spread()).isEqualTo(Price.of("-0.1"));
        assertThatThrownBy(() -> new Quote(BTC, OPEN, null, Quantity.of("1"), Price.of("1"), Quantity.of("1")))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("bid");
    }

    @Test
    void tradeTickAggressorIsOptional() {
        TradeTick tick = new TradeTick(BTC, OPEN, Price.of("100"), Quantity.of("0.5"), null, "t-1");
        assertThat(tick.aggressor()).isNull();
        assertThat(new TradeTick(BTC, OPEN, Price.of("100"), Quantity.of("0.5"), Side.SELL, null).aggressor())
                .isEqualTo(Side.SELL);
    }
}
