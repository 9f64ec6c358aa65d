package dev.tradingsdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.book.JsonBookReader;
import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.order.Side;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON decode of a venue book message straight into an {@link OrderBook}, against Jackson databind to a DTO and
 * then applying it. Messages: a Polymarket market-channel {@code book} (the shape of
 * {@code trading-polymarket/src/test/resources/payloads/ws-market-book.json}) with 20 bids and 20 asks, 40
 * levels; and a Kalshi {@code orderbook_delta} in the fixed-point form of 2026 ({@code price_dollars},
 * {@code delta_fp}, as in {@code /work/shared/vectors/kalshi/ws-messages.json}), a signed size change. Ours walks
 * the message with a streaming {@link JsonParser} and reads levels with core's {@link JsonBookReader} (no String
 * per value); 16 seeded variants of each message cycle. Setup checks both paths leave identical books.
 *
 * <p>The message walks here stand in for the venue modules' own (trading-polymarket's and trading-kalshi's
 * stream handlers should adopt {@code JsonBookReader}); the generic level decoding lives in core.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JsonBookDecodeBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class JsonBookDecodeBenchmark {

    private static final int VARIANTS = 16;
    private static final int LEVELS_PER_SIDE = 20;

    /** Polymarket {@code book} as databind sees it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PolymarketBook(@JsonProperty("event_type") String eventType, @JsonProperty("asset_id") String assetId,
                                 String market, List<Level> bids, List<Level> asks, String timestamp, String hash) {
    }

    /** One Polymarket level. */
    public record Level(String price, String size) {
    }

    /** Kalshi {@code orderbook_delta} as databind sees it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KalshiDelta(String type, long sid, long seq, KalshiDeltaBody msg) {
    }

    /** The delta's body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KalshiDeltaBody(@JsonProperty("market_ticker") String marketTicker,
                                  @JsonProperty("price_dollars") String priceDollars,
                                  @JsonProperty("delta_fp") String deltaFp, String side) {
    }

    private final byte[][] books = new byte[VARIANTS][];
    private final byte[][] deltas = new byte[VARIANTS][];
    private final JsonFactory factory = new JsonFactory();
    private final ObjectMapper mapper = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private OrderBook polymarketOurs;
    private OrderBook polymarketPeer;
    private JsonBookReader polymarketReader;
    private OrderBook kalshiOurs;
    private OrderBook kalshiPeer;
    private JsonBookReader kalshiReader;
    private final long[][] peerScratch = new long[4][LEVELS_PER_SIDE];
    private int index;

    @Setup
    public void setUp() throws IOException {
        Random random = new Random(20_261_201L);
        String kalshiSide = "yes";
        String kalshiPrice = "";
        String kalshiChange = "";
        for (int v = 0; v < VARIANTS; v++) {
            StringBuilder json = new StringBuilder(4096).append("{\"event_type\":\"book\",\"asset_id\":\"")
                    .append("71321045679252212594626385532706912750332728571942532289631379312455583992563")
                    .append("\",\"market\":\"0x5f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8\"");
            int mid = 300 + random.nextInt(400);   // in 0.001 steps: 0.300 .. 0.700
            json.append(",\"bids\":[");
            for (int i = LEVELS_PER_SIDE; i >= 1; i--) {
                level(json, mid - i, random).append(i > 1 ? "," : "");
            }
            json.append("],\"asks\":[");
            for (int i = LEVELS_PER_SIDE; i >= 1; i--) {
                level(json, mid + i, random).append(i > 1 ? "," : "");
            }
            json.append("],\"timestamp\":\"").append(1_777_467_605_123L + v)
                    .append("\",\"hash\":\"0x0c9d2e1f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d\"}");
            books[v] = json.toString().getBytes(StandardCharsets.UTF_8);
            // Deltas come in pairs, +d then -d on the same level, so the resting sizes never drift below zero.
            boolean second = (v & 1) == 1;
            if (!second) {
                kalshiSide = random.nextBoolean() ? "yes" : "no";
                kalshiPrice = String.format(Locale.ROOT, "0.%04d", 4000 + random.nextInt(40) * 10);
                kalshiChange = String.format(Locale.ROOT, "%d.%02d", random.nextInt(40), random.nextInt(100));
            }
            deltas[v] = ("{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":" + (3 + v) + ",\"msg\":{\"market_ticker\":"
                    + "\"FED-23DEC-T3.00\",\"market_id\":\"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1\",\"price_dollars\":\""
                    + kalshiPrice + "\",\"delta_fp\":\"" + (second ? "-" : "") + kalshiChange + "\",\"side\":\""
                    + kalshiSide + "\",\"ts\":\"2022-11-22T20:44:01Z\",\"ts_ms\":" + (1_669_149_841_000L + v) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        Instrument polymarket = Instrument.builder("PM-YES", Venue.of("POLYMARKET")).assetClass(AssetClass.BINARY_OUTCOME)
                .quoteCurrency(Currency.USD).pricePrecision(3).sizePrecision(2).build();
        Instrument kalshi = Instrument.builder("FED-23DEC-T3.00", Venue.of("KALSHI"))
                .assetClass(AssetClass.BINARY_OUTCOME).quoteCurrency(Currency.USD).pricePrecision(4).sizePrecision(2)
                .build();
        polymarketOurs = new OrderBook(polymarket, 64);
        polymarketPeer = new OrderBook(polymarket, 64);
        polymarketReader = new JsonBookReader(polymarketOurs);
        kalshiOurs = new OrderBook(kalshi, 64);
        kalshiPeer = new OrderBook(kalshi, 64);
        kalshiReader = new JsonBookReader(kalshiOurs);
        // Resting size under every delta's level so the negative deltas apply.
        for (OrderBook book : new OrderBook[] {kalshiOurs, kalshiPeer}) {
            for (int p = 4000; p < 4400; p += 10) {
                book.applyDeltaRaw(Side.BUY, p, 1_000_000_00L);
                book.applyDeltaRaw(Side.SELL, 10_000 - p, 1_000_000_00L);
            }
        }
        for (int i = 0; i < VARIANTS * 4; i++) {
            index = i;
            polymarketBookOurs();
            index = i;
            polymarketBookDatabind();
            index = i;
            kalshiDeltaOurs();
            index = i;
            kalshiDeltaDatabind();
            for (Side s : Side.values()) {
                same(polymarketOurs, polymarketPeer, s);
                same(kalshiOurs, kalshiPeer, s);
            }
        }
        index = 0;
    }

    private static StringBuilder level(StringBuilder json, int priceThousandths, Random random) {
        return json.append("{\"price\":\"").append(FixedMath.format(priceThousandths, 3).replaceAll("0+$", ""))
                .append("\",\"size\":\"").append(1 + random.nextInt(5000)).append('.')
                .append(random.nextInt(100)).append("\"}");
    }

    private static void same(OrderBook a, OrderBook b, Side side) {
        if (a.levelCount(side) != b.levelCount(side)) {
            throw new IllegalStateException("books disagree on the " + side + " level count");
        }
        for (int level = 0; level < a.levelCount(side); level++) {
            if (a.priceRawAt(side, level) != b.priceRawAt(side, level)
                    || a.sizeRawAt(side, level) != b.sizeRawAt(side, level)) {
                throw new IllegalStateException("books disagree at " + side + " level " + level);
            }
        }
    }

    @Benchmark
    public OrderBook polymarketBookOurs() throws IOException {
        try (JsonParser parser = factory.createParser(books[index++ & (VARIANTS - 1)])) {
            polymarketReader.startSnapshot();
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY && ("bids".equals(name) || "asks".equals(name))) {
                    polymarketReader.readLevels(parser, "bids".equals(name) ? Side.BUY : Side.SELL);
                } else {
                    parser.skipChildren();
                }
            }
            polymarketReader.applySnapshot();
        }
        return polymarketOurs;
    }

    @Benchmark
    public OrderBook polymarketBookDatabind() throws IOException {
        PolymarketBook book = mapper.readValue(books[index++ & (VARIANTS - 1)], PolymarketBook.class);
        int precision = polymarketPeer.instrument().pricePrecision();
        int sizePrecision = polymarketPeer.instrument().sizePrecision();
        long[] bidPrices = peerScratch[0];
        long[] bidSizes = peerScratch[1];
        long[] askPrices = peerScratch[2];
        long[] askSizes = peerScratch[3];
        for (int i = 0; i < book.bids().size(); i++) {
            bidPrices[i] = FixedMath.parse(book.bids().get(i).price(), precision, RoundingMode.UNNECESSARY);
            bidSizes[i] = FixedMath.parse(book.bids().get(i).size(), sizePrecision, RoundingMode.UNNECESSARY);
        }
        for (int i = 0; i < book.asks().size(); i++) {
            askPrices[i] = FixedMath.parse(book.asks().get(i).price(), precision, RoundingMode.UNNECESSARY);
            askSizes[i] = FixedMath.parse(book.asks().get(i).size(), sizePrecision, RoundingMode.UNNECESSARY);
        }
        polymarketPeer.applySnapshotRaw(bidPrices, bidSizes, book.bids().size(), askPrices, askSizes,
                book.asks().size());
        return polymarketPeer;
    }

    @Benchmark
    public OrderBook kalshiDeltaOurs() throws IOException {
        try (JsonParser parser = factory.createParser(deltas[index++ & (VARIANTS - 1)])) {
            parser.nextToken();
            long price = Long.MIN_VALUE;
            long change = 0;
            boolean yes = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.START_OBJECT || !"msg".equals(name)) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("price_dollars".equals(field)) {
                        price = kalshiReader.priceRaw(parser);
                    } else if ("delta_fp".equals(field)) {
                        change = kalshiReader.sizeRaw(parser);
                    } else if ("side".equals(field)) {
                        yes = parser.getTextLength() == 3;   // "yes" or "no", told apart without a String
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            applyKalshi(kalshiOurs, yes, price, change);
        }
        return kalshiOurs;
    }

    @Benchmark
    public OrderBook kalshiDeltaDatabind() throws IOException {
        KalshiDelta delta = mapper.readValue(deltas[index++ & (VARIANTS - 1)], KalshiDelta.class);
        long price = FixedMath.parse(delta.msg().priceDollars(), 4, RoundingMode.UNNECESSARY);
        long change = FixedMath.parse(delta.msg().deltaFp(), 2, RoundingMode.UNNECESSARY);
        applyKalshi(kalshiPeer, "yes".equals(delta.msg().side()), price, change);
        return kalshiPeer;
    }

    /** A YES bid is a bid; a NO bid at p is an offer of YES at 1 − p. The delta changes the resting size. */
    private static void applyKalshi(OrderBook book, boolean yes, long price, long change) {
        Side side = yes ? Side.BUY : Side.SELL;
        long yesPrice = yes ? price : 10_000 - price;
        book.applyDeltaRaw(side, yesPrice, Math.addExact(book.sizeRawAtPrice(side, yesPrice), change));
    }
}
