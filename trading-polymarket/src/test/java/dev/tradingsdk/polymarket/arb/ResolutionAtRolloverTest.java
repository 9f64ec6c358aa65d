package dev.tradingsdk.polymarket.arb;

import static dev.tradingsdk.polymarket.arb.ArbFixtures.T0;
import static dev.tradingsdk.polymarket.arb.ArbFixtures.book;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.polymarket.GammaClient;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The winner at rollover: Gamma's resolution first, the last books only while Gamma has not resolved. */
class ResolutionAtRolloverTest {
    private static final String SLUG = "btc-updown-15m-1777467600";
    private final MockWebServer server = new MockWebServer();
    private GammaClient gamma;
    // A window of 15 minutes from T0 (a multiple of 900 s, as the next window's slug needs): next is T0 + 900 s.
    private final PairMarket market = PairMarket.of(SLUG, "up", "down", T0.plus(Duration.ofMinutes(15)));

    @BeforeEach
    void start() throws IOException {
        server.start();
        gamma = GammaClient.builder().baseUrl(server.url("/").toString()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ResolutionAtRolloverTest.class.getResourceAsStream("/payloads/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * 10 YES bought at 0.40 (fee 0.168), then NO's asks vanish and the window ends with the books saying Down:
     * YES has no bid, NO is bid 0.95.
     */
    private WindowResult settle() {
        List<BookSnapshot> events = new ArrayList<>();
        events.add(book(market, PairLeg.YES, 0, "0.38", "100", "0.4", "100"));
        events.add(book(market, PairLeg.NO, 0, "0.48", "100", "0.5", "100"));
        events.add(book(market, PairLeg.YES, 100, "0.38", "100", "0.4", "100"));
        for (long t = 5_000; t <= 905_000; t += 5_000) {
            events.add(book(market, PairLeg.YES, t, null, null, "0.05", "100"));
            events.add(book(market, PairLeg.NO, t, "0.95", "100", null, null));
        }
        PairCostConfig config = PairCostConfig.builder().mode(QuotingMode.TAKER_ONLY)
                .legRisk("10", Duration.ofHours(1)).stopLoss("1000", "50").build();
        PairCostArbitrage bot = PairCostArbitrage.of(market, config, WindowSource.gamma(gamma, "btc"), null);
        ArbFixtures.replay(ArbFixtures.feed(events), T0, bot, PolymarketFeeModel.crypto()).engine().run();
        return bot.status().settled().get(0);
    }

    @Test
    void aResolvedMarketDecidesTheWinnerOverTheBooks() throws Exception {
        server.enqueue(new MockResponse().setBody(resource("gamma-market-btc-updown-resolved.json")));
        server.enqueue(new MockResponse().setBody("[]")); // no next window
        WindowResult result = settle();
        assertThat(result.winner()).contains(PairLeg.YES);
        assertThat(result.source()).isEqualTo(WindowResult.WinnerSource.RESOLUTION);
        assertThat(result.pnl()).isEqualTo(Money.of("5.832", 6, Currency.PUSD)); // 10 − 4.00 − 0.168
        RecordedRequest lookup = server.takeRequest();
        assertThat(lookup.getRequestUrl().encodedPath()).isEqualTo("/markets");
        assertThat(lookup.getRequestUrl().queryParameter("slug")).isEqualTo(SLUG);
        assertThat(lookup.getRequestUrl().queryParameter("closed")).isEqualTo("true");
        assertThat(server.takeRequest().getRequestUrl().queryParameter("slug")).isEqualTo("btc-updown-15m-1796127300");
    }

    @Test
    void beforeGammaResolvesTheBooksDecideAndTheResultSaysSo() throws Exception {
        // Gamma still shows the market open and priced 0.515 / 0.485: not resolved.
        String open = new com.fasterxml.jackson.databind.ObjectMapper().readTree(resource("gamma-event-btc-updown.json"))
                .get(0).get("markets").toString();
        server.enqueue(new MockResponse().setBody(open));
        server.enqueue(new MockResponse().setBody("[]"));
        WindowResult result = settle();
        assertThat(result.winner()).contains(PairLeg.NO);
        assertThat(result.source()).isEqualTo(WindowResult.WinnerSource.BOOKS);
        assertThat(result.pnl()).isEqualTo(Money.of("-4.168", 6, Currency.PUSD));
    }

    @Test
    void aFailedLookupFallsBackToTheBooks() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream unavailable"));
        server.enqueue(new MockResponse().setBody("[]"));
        WindowResult result = settle();
        assertThat(result.source()).isEqualTo(WindowResult.WinnerSource.BOOKS);
        assertThat(result.winner()).contains(PairLeg.NO);
    }
}
