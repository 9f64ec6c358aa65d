package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README example against a loopback Kalshi and checks the README shows exactly this code. */
class ReadmeExampleTest {

    // README example start
    static PredictionMarketResult recordAndBacktest(String restUrl, KalshiSigner signer, Path journal,
                                                    SimulatedClock clock) {
        KalshiClient kalshi = KalshiClient.builder()
                .baseUrl(restUrl)                        // or .environment(KalshiEnvironment.DEMO)
                .signer(signer)                          // KalshiSigner.fromPemFile(keyId, keyFile, Clock.system())
                .rateLimits(KalshiRateLimits.basic())    // your tier's numbers: GET /account/limits
                .build();
        String ticker = "KXHIGHNY-26MAY05-B74.5";
        KalshiMarket market = kalshi.market(ticker);
        Series series = kalshi.series("KXHIGHNY");       // its fee type and multiplier decide the fees

        List<MarketEvent> recorded;
        try (SnapshotRecorder recorder = SnapshotRecorder.open(journal, clock, ZoneId.of("America/New_York"))) {
            for (int poll = 0; poll < 3; poll++) {       // live: recorder.startPolling(kalshi, tickers, 5 s)
                recorder.pollOnce(kalshi, List.of(ticker), SnapshotRecorder.DEFAULT_POLL_INTERVAL);
                clock.advance(SnapshotRecorder.DEFAULT_POLL_INTERVAL);
            }
            recorded = recorder.replayEvents(t -> market.instrument());
        }

        Strategy buyTenOnce = (event, context) -> {
            if (event instanceof BookSnapshot && context.account().position(event.instrument().id()).isEmpty()
                    && context.orders().openOrders().isEmpty()) {
                context.orders().submit(OrderRequest.buy(event.instrument()).quantity("10").market().build());
            }
        };
        return PredictionMarketBacktest.builder()
                .initialCash(Money.of("100.00", Currency.USD))
                .events(recorded)
                .settle(market.instrument(), Outcome.YES, market.closeTime().orElseThrow())
                .fees(KalshiFeeModel.forMarket(ticker, series))
                .strategy(buyTenOnce)
                .run();
    }
    // README example end

    @Test
    void exampleRunsAgainstALoopbackKalshi(@TempDir Path dir) throws Exception {
        try (MockKalshi kalshi = new MockKalshi()) {
            kalshi.always("GET /markets/KXHIGHNY-26MAY05-B74.5", Vectors.body("markets.json", "/single_market_response"))
                    .always("GET /series/KXHIGHNY", Vectors.body("series.json", "/response_quadratic"))
                    .always("GET /markets/KXHIGHNY-26MAY05-B74.5/orderbook", Vectors.body("orderbook.json", "/response"));
            PredictionMarketResult result = recordAndBacktest(kalshi.baseUrl(), KalshiClientTest.signer(),
                    dir.resolve("journal"), new SimulatedClock(Instant.parse("2026-05-04T18:00:00Z")));
            // 10 YES lifted at the second snapshot's ask 0.44; fee ceil(0.07 x 10 x 0.44 x 0.56 = 0.17248) = 0.18;
            // settlement pays 10 x $1: 100 - 4.40 - 0.18 + 10.00 = 105.42.
            assertThat(result.fees().toBigDecimal()).isEqualByComparingTo("0.18");
            assertThat(result.settlementPaid().toBigDecimal()).isEqualByComparingTo("10.00");
            assertThat(result.pnl().toBigDecimal()).isEqualByComparingTo("5.42");
            assertThat(result.ordersFilled()).isEqualTo(1);
            assertThat(kalshi.calls().stream().filter(c -> c.endsWith("/orderbook")).count()).isEqualTo(3);
        }
    }

    @Test
    void readmeShowsExactlyTheTestedCode() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/kalshi/ReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        String start = "    // README example start\n";
        String example = source.substring(source.indexOf(start) + start.length(),
                source.indexOf("    // README example end"));
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(example);
    }
}
