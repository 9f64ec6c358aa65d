package dev.tradingsdk.examples;

import com.sun.net.httpserver.HttpServer;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.kalshi.KalshiClient;
import dev.tradingsdk.kalshi.KalshiEnvironment;
import dev.tradingsdk.kalshi.KalshiFeeModel;
import dev.tradingsdk.kalshi.KalshiMarket;
import dev.tradingsdk.kalshi.KalshiSigner;
import dev.tradingsdk.kalshi.Outcome;
import dev.tradingsdk.kalshi.PredictionMarketBacktest;
import dev.tradingsdk.kalshi.PredictionMarketResult;
import dev.tradingsdk.kalshi.Series;
import dev.tradingsdk.kalshi.SnapshotRecorder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records a Kalshi market's book with {@link SnapshotRecorder} and backtests a strategy over the recording with the
 * series' fees and binary settlement.
 *
 * <p>Offline (the default): a loopback HTTP server replays a recorded session of {@code KXHIGHNY-26MAY05-B74.5}
 * (six book polls, 5 s apart; the market resolved yes). Live: with {@code KALSHI_KEY_ID} and
 * {@code KALSHI_PRIVATE_KEY_FILE} set and the argument {@code live TICKER SERIES}, it polls Kalshi's demo
 * environment six times and backtests without settlement (the market is still open; positions are marked).
 */
public final class KalshiRecorderExample {

    static final String TICKER = "KXHIGHNY-26MAY05-B74.5";
    static final String SERIES = "KXHIGHNY";

    /** The YES bid and NO bid of each recorded poll: the YES ask is 1 - NO bid (0.47, 0.45, 0.44, 0.46, ...). */
    private static final String[][] SESSION = {
        {"0.4100", "0.5300"}, {"0.4200", "0.5500"}, {"0.4200", "0.5600"}, {"0.4300", "0.5400"},
        {"0.4500", "0.5200"}, {"0.4700", "0.5000"}};

    private KalshiRecorderExample() {
    }

    public static void main(String[] args) throws IOException {
        Path journal = Files.createTempDirectory("kalshi-recording");
        if (args.length == 3 && args[0].equals("live")) {
            String keyId = System.getenv("KALSHI_KEY_ID");
            String keyFile = System.getenv("KALSHI_PRIVATE_KEY_FILE");
            if (keyId == null || keyFile == null) {
                throw new IllegalStateException("live mode needs KALSHI_KEY_ID and KALSHI_PRIVATE_KEY_FILE");
            }
            KalshiClient demo = KalshiClient.builder().environment(KalshiEnvironment.DEMO)
                .signer(KalshiSigner.fromPemFile(keyId, Path.of(keyFile), Clock.system())).build();
            run(System.out, demo, args[1], args[2], Clock.system(), journal, false);
            return;
        }
        run(System.out, journal);
    }

    /** The offline run: replays the recorded session from a loopback server. */
    static PredictionMarketResult run(PrintStream out, Path journal) throws IOException {
        HttpServer server = replayServer();
        server.start();
        try {
            KalshiClient kalshi = KalshiClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/trade-api/v2").build();
            return run(out, kalshi, TICKER, SERIES, new SimulatedClock(Instant.parse("2026-05-04T18:00:00Z")), journal,
                true);
        } finally {
            server.stop(0);
        }
    }

    static PredictionMarketResult run(PrintStream out, KalshiClient kalshi, String ticker, String seriesTicker,
                                      Clock clock, Path journal, boolean settled) {
        KalshiMarket market = kalshi.market(ticker);
        Series series = kalshi.series(seriesTicker);
        out.printf(Locale.ROOT, "market %s (%s), series %s: fee type %s, multiplier %s%n", market.ticker(),
            market.status(), series.ticker(), series.feeType(), series.feeMultiplier().toPlainString());

        List<MarketEvent> recorded;
        try (SnapshotRecorder recorder = SnapshotRecorder.open(journal, clock, ZoneId.of("America/New_York"))) {
            for (int poll = 0; poll < SESSION.length; poll++) {
                recorder.pollOnce(kalshi, List.of(ticker), SnapshotRecorder.DEFAULT_POLL_INTERVAL);
                pause(clock);
            }
            recorded = recorder.replayEvents(t -> market.instrument());
            out.printf(Locale.ROOT, "recorded %d snapshots to %s%n", recorder.snapshots().size(), journal);
        }

        Price entry = Price.of("0.45");
        Strategy buyTheDip = (event, context) -> {
            if (event instanceof BookSnapshot book && book.bestAsk().filter(a -> a.compareTo(entry) <= 0).isPresent()
                && context.account().position(event.instrument().id()).isEmpty()
                && context.orders().openOrders().isEmpty()) {
                context.orders().submit(OrderRequest.buy(event.instrument()).quantity("10").market().build());
            }
        };
        PredictionMarketBacktest.Builder backtest = PredictionMarketBacktest.builder()
            .initialCash(Money.of("100.00", Currency.USD))
            .events(recorded)
            .fees(KalshiFeeModel.forMarket(ticker, series))
            .strategy(buyTheDip);
        if (settled) {
            backtest.settle(market.instrument(), Outcome.parse(market.result()), market.closeTime().orElseThrow());
        }
        PredictionMarketResult result = backtest.run();
        result.result().fills().forEach(f -> out.printf(Locale.ROOT, "fill %s %s %s @ %s, fee %s%n", f.orderId(),
            f.side(), f.quantity(), f.price(), f.fee()));
        out.printf(Locale.ROOT, "P&L %s, fees %s, settlement paid %s, fill rate %.2f, one-leg groups %d%n",
            result.pnl(), result.fees(), result.settlementPaid(), result.fillRate(), result.oneLegGroups());
        out.printf(Locale.ROOT, "max drawdown %.4f, equity samples %d%n", result.metrics(365).maxDrawdown(),
            result.result().equityCurve().size());
        return result;
    }

    private static void pause(Clock clock) {
        if (clock instanceof SimulatedClock simulated) {
            simulated.advance(SnapshotRecorder.DEFAULT_POLL_INTERVAL);
            return;
        }
        try {
            Thread.sleep(SnapshotRecorder.DEFAULT_POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording", e);
        }
    }

    /** Serves the recorded market, its series and one recorded book per poll, in order. */
    private static HttpServer replayServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String root = "/trade-api/v2";
        respond(server, root + "/markets/" + TICKER + "/orderbook", new AtomicInteger()::getAndIncrement);
        server.createContext(root + "/markets/" + TICKER, exchange -> send(exchange, "{\"market\":{\"ticker\":\"" + TICKER
            + "\",\"event_ticker\":\"KXHIGHNY-26MAY05\",\"market_type\":\"binary\",\"status\":\"finalized\","
            + "\"close_time\":\"2026-05-06T03:59:00Z\",\"result\":\"yes\",\"settlement_value_dollars\":\"1.0000\","
            + "\"price_level_structure\":\"linear_cent\",\"price_ranges\":[{\"start\":\"0.0000\",\"end\":\"1.0000\","
            + "\"step\":\"0.0100\"}]}}"));
        server.createContext(root + "/series/" + SERIES, exchange -> send(exchange, "{\"series\":{\"ticker\":\"" + SERIES
            + "\",\"title\":\"Highest temperature in NYC\",\"fee_type\":\"quadratic\",\"fee_multiplier\":1}}"));
        return server;
    }

    private static void respond(HttpServer server, String path, java.util.function.IntSupplier polls) {
        server.createContext(path, exchange -> {
            String[] book = SESSION[Math.min(polls.getAsInt(), SESSION.length - 1)];
            send(exchange, "{\"orderbook_fp\":{\"yes_dollars\":[[\"0.0100\",\"200.00\"],[\"" + book[0]
                + "\",\"25.00\"]],\"no_dollars\":[[\"0.0100\",\"100.00\"],[\"" + book[1] + "\",\"30.00\"]]}}");
        });
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
