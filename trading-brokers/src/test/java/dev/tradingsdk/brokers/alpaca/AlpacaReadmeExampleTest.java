package dev.tradingsdk.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.brokers.BrokerAccount;
import dev.tradingsdk.brokers.ReadmeSnippets;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Quote;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the README's Alpaca quote and realized P&amp;L example on a loopback Alpaca and checks the README shows it. */
class AlpacaReadmeExampleTest {

    // README alpaca start
    static String quoteAndRealizedPnl(AlpacaBroker alpaca, Instrument aapl) {
        Optional<Quote> quote = alpaca.quote(aapl);          // empty: no quote, an empty side or a crossed book
        BrokerAccount account = alpaca.account();             // realized P&L booked from Alpaca's FILL activities
        String realized = account.realizedPnlUnknown().map(why -> "unknown (" + why + ")")
                .orElseGet(() -> account.realizedPnl().toString());
        return quote.map(q -> q.bid() + " x " + q.ask()).orElse("no quote") + ", realized " + realized;
    }
    // README alpaca end

    @Test
    void theExampleReadsTheQuoteAndTheSessionsRealizedPnl() throws IOException {
        try (LoopbackAlpaca alpaca = new LoopbackAlpaca(new FakeAlpaca().booksFills())) {
            AlpacaBroker broker = alpaca.broker().build();
            Instrument aapl = AlpacaBroker.usEquity("AAPL");
            assertThat(quoteAndRealizedPnl(broker, aapl)).isEqualTo("161.10 x 161.11, realized 0.00 USD");
            alpaca.fake.execute("AAPL", "sell", "3", "120.00");
            assertThat(quoteAndRealizedPnl(broker, aapl)).isEqualTo("161.10 x 161.11, realized 60.00 USD");
            alpaca.fake.moveOnly("AAPL", "sell", "2", "120.00");     // 2 shares transferred out: no fill listed
            assertThat(quoteAndRealizedPnl(broker, aapl)).startsWith("161.10 x 161.11, realized unknown (AAPL: ");
        }
    }

    @Test
    void theReadmeShowsTheExample() throws IOException {
        ReadmeSnippets.assertReadmeShows("alpaca/AlpacaReadmeExampleTest", "README alpaca");
    }
}
