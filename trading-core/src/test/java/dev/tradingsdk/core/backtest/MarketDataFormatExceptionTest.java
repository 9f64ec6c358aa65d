package dev.tradingsdk.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarketDataFormatExceptionTest {

    @Test
    void aHugeFieldIsQuotedAsABoundedExcerptButKeptWholeInValue() {
        String field = "9".repeat(10 << 20);
        MarketDataFormatException e = new MarketDataFormatException("bars.csv", 7, "close", field,
            "price \"" + field + "\" is not a plain decimal number");

        assertThat(e.getMessage()).hasSizeLessThan(700)
            .startsWith("bars.csv line 7 column close value \"9999")
            .contains("(" + field.length() + " characters)");
        assertThat(e.value()).hasSize(field.length());
        assertThat(new MarketDataFormatException("bars.csv", 2, "open", "abc", "not a number").getMessage())
            .isEqualTo("bars.csv line 2 column open value \"abc\": not a number");
    }
}
