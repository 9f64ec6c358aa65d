package dev.tradingsdk.cfd;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CfdTermsTest {

    @Test
    void aQuoteAroundAMidAtTheTopOfTheRangeThrowsInsteadOfWrapping() {
        // ticks of 0.25: the ask is the mid rounded up to a whole tick, past Long.MAX_VALUE raw
        Instrument quarters = Instrument.builder("QTR", Venue.SIM).assetClass(AssetClass.INDEX)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).tickSize("0.25").build();
        Price mid = Price.ofRaw(Long.MAX_VALUE - 1, 2);
        assertThatThrownBy(() -> CfdTerms.defaults().quoteAroundMid(quarters, mid, Instant.EPOCH))
                .isInstanceOf(ArithmeticException.class);
    }
}
