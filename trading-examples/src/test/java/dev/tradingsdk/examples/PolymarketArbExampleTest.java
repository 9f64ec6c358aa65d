package dev.tradingsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolymarketArbExampleTest {

    @Test
    void replaysTheBundledRecordingsOfflineAndReportsNoTradeWhereNoPairIsCheap() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PolymarketArbExample.replay(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        // The recorded books mirror each other: ask(YES) + ask(NO) never drops below 1, so the bot stays flat.
        assertThat(out).contains("btc-updown-15m-1767398400: 834 books per leg, lowest ask(YES) + ask(NO) 1.000");
        assertThat(out).contains("btc-updown-15m-1767397500: 97 books per leg, lowest ask(YES) + ask(NO) 1.000");
        assertThat(out).contains("trades 0, YES 0.000000, NO 0.000000, pair cost -, delta 0.000000, "
                + "fees 0.000000 PUSD, locked profit 0.000000 PUSD, risk LOW");
    }
}
