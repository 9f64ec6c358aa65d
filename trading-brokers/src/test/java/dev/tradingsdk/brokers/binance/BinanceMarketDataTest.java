package dev.tradingsdk.brokers.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.brokers.BarInterval;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.Vectors;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceMarketDataTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String failWith;
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                if (failWith != null) {
                    int status = Vectors.status("binance-errors.json", failWith);
                    MockResponse r = new MockResponse().setResponseCode(status)
                            .setBody(Vectors.body("binance-errors.json", failWith));
                    Vectors.testCase("binance-errors.json", failWith).path("response").path("headers").fields()
                            .forEachRemaining(h -> r.addHeader(h.getKey(), h.getValue().asText()));
                    return r;
                }
                String symbol = request.getRequestUrl().queryParameter("symbol");
                return switch (request.getRequestUrl().encodedPath()) {
                    case "/api/v3/klines" -> new MockResponse().setBody(
                            Vectors.file("binance-klines.json").path("response").path("body").toString());
                    case "/api/v3/ticker/24hr" -> new MockResponse().setBody(Vectors.body("binance-ticker-24hr.json",
                            "single").replace("BNBBTC", symbol));
                    case "/api/v3/ticker/price" -> new MockResponse().setBody(Vectors.body("binance-ticker-price.json",
                            "single").replace("LTCBTC", symbol));
                    default -> new MockResponse().setResponseCode(404);
                };
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private BinanceMarketData.Builder data() {
        return BinanceMarketData.builder().baseUrl(server.url("/").toString()).ticker(nanos::get)
                .retryPolicy(RetryPolicy.none());
    }

    @Test
    void klinesParseThePositionalArraysExactly() {
        List<Kline> klines = data().build().klines("BNBBTC", "1d", null, null, 1);
        Kline k = klines.get(0);
        assertThat(k.openTime()).isEqualTo(Instant.ofEpochMilli(1499040000000L));
        assertThat(k.open()).isEqualTo(new BigDecimal("0.01634790"));
        assertThat(k.high()).isEqualTo(new BigDecimal("0.80000000"));
        assertThat(k.close()).isEqualTo(new BigDecimal("0.01577100"));
        assertThat(k.volume()).isEqualTo(new BigDecimal("148976.11427815"));
        assertThat(k.closeTime()).isEqualTo(Instant.ofEpochMilli(1499644799999L));
        assertThat(k.trades()).isEqualTo(308);
        assertThat(k.takerBuyQuoteVolume()).isEqualTo(new BigDecimal("28.46694368"));
    }

    @Test
    void tickersAndBarsAndQuotesMapToCoreTypes() {
        BinanceMarketData data = data().build();
        Ticker24h t = data.ticker24h("BNBBTC");
        assertThat(t.lastPrice()).isEqualTo(new BigDecimal("4.00000200"));
        assertThat(t.count()).isEqualTo(76);
        assertThat(data.price("LTCBTC")).isEqualTo(new BigDecimal("4.00000200"));

        Instrument bnb = Instrument.builder("BNBBTC", Venue.of("BINANCE")).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.BTC).pricePrecision(8).sizePrecision(8).build();
        Quote q = data.quote(bnb).orElseThrow();
        assertThat(q.bid()).isEqualTo(Price.of("4.00000000"));
        assertThat(q.ask()).isEqualTo(Price.of("4.00000200"));
        Bar bar = data.bars(bnb, BarInterval.DAY_1, Instant.ofEpochMilli(1499040000000L),
                Instant.ofEpochMilli(1499644800000L)).get(0);
        assertThat(bar.high()).isEqualTo(Price.of("0.80000000"));
        assertThat(bar.closeTime()).isEqualTo(Instant.ofEpochMilli(1499126400000L));
    }

    @Test
    void aSecondAskWithinTheTtlIsServedFromTheCache() {
        BinanceMarketData data = data().build();
        data.price("BTCUSDT");
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        data.price("BTCUSDT");

        assertThat(requests).hasValue(1);
        assertThat(data.cacheStats().hitCount()).isEqualTo(1);
        assertThat(data.cacheStats().missCount()).isEqualTo(1);
    }

    @Test
    void anotherSymbolOrEndpointIsAMiss() {
        BinanceMarketData data = data().build();
        data.price("BTCUSDT");
        data.price("ETHUSDT");
        data.ticker24h("BTCUSDT");
        data.klines("BTCUSDT", "1h", null, null, 10);
        data.klines("BTCUSDT", "1h", null, null, 20);
        assertThat(requests).hasValue(5);
        assertThat(data.cacheStats().hitCount()).isZero();
    }

    @Test
    void anAnswerExpiresSixtySecondsAfterItWasFetchedByDefault() {
        BinanceMarketData data = data().build();
        data.price("BTCUSDT");
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        data.price("BTCUSDT");
        assertThat(requests).hasValue(2);
    }

    @Test
    void theTtlIsConfigurable() {
        BinanceMarketData data = data().ttl(Duration.ofSeconds(5)).build();
        data.price("BTCUSDT");
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        data.price("BTCUSDT");
        assertThat(requests).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        data.price("BTCUSDT");
        assertThat(requests).hasValue(2);
    }

    @Test
    void failuresAreNotCachedAndCarryBinancesCodeAndWait() {
        BinanceMarketData data = data().build();
        failWith = "rate_limited_429";
        assertThatThrownBy(() -> data.price("BTCUSDT")).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.type()).isEqualTo(BrokerException.Type.RATE_LIMITED);
            assertThat(e.venueCode()).contains("-1003");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(e.toJson()).contains("\"retryAfterMillis\":30000").contains("\"symbol\":\"BTCUSDT\"");
        });
        failWith = "invalid_symbol_400";
        assertThatThrownBy(() -> data.price("BTCUSDT")).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.type()).isEqualTo(BrokerException.Type.REJECTED);
            assertThat(e.venueCode()).contains("-1121");
            assertThat(e.getMessage()).contains("Invalid symbol.");
        });
        failWith = null;
        assertThat(data.price("BTCUSDT")).isEqualTo(new BigDecimal("4.00000200"));
        assertThat(requests).hasValue(3);
    }

    @Test
    void aServerErrorIsUnavailableAndRetryable() {
        BinanceMarketData data = data().build();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                return new MockResponse().setResponseCode(503).setBody("<html>Service Unavailable</html>");
            }
        });
        assertThatThrownBy(() -> data.ticker24h("BTCUSDT")).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.type()).isEqualTo(BrokerException.Type.UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.context()).containsEntry("httpStatus", "503");
        });
        assertThat(data.cacheStats().loadFailureCount()).isEqualTo(1);
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyRequest() {
        BinanceMarketData data = data().build();
        assertThatThrownBy(() -> data.price("btc usdt")).hasMessageContaining("symbol must be");
        assertThatThrownBy(() -> data.klines("BTCUSDT", "7m", null, null, 10)).hasMessageContaining("\"7m\"");
        assertThatThrownBy(() -> data.klines("BTCUSDT", "1m", null, null, 1001)).hasMessageContaining("1001");
        assertThatThrownBy(() -> BinanceMarketData.builder().ttl(Duration.ZERO)).hasMessageContaining("ttl");
        assertThat(requests).hasValue(0);
    }
}
