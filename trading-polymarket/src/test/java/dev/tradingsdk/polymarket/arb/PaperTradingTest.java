package dev.tradingsdk.polymarket.arb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.polymarket.gateway.ClobMarketDataFeed;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PAPER: the bot on a live-shaped CLOB WebSocket (MockWebServer replaying books), filling in the simulated venue. */
class PaperTradingTest {
    private static final String UP = "1001";
    private static final String DOWN = "1002";

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static String book(String asset, String bid, String ask) {
        return "{\"event_type\":\"book\",\"asset_id\":\"" + asset + "\",\"market\":\"0xabc\",\"bids\":[{\"price\":\""
                + bid + "\",\"size\":\"100\"}],\"asks\":[{\"price\":\"" + ask + "\",\"size\":\"100\"}],\"timestamp\":\""
                + System.currentTimeMillis() + "\",\"hash\":\"h\"}";
    }

    /** After the subscription, both books every 50 ms, stamped with the time they are sent, as the CLOB does. */
    private static final class ReplayingSocket extends WebSocketListener {
        @Override
        public void onMessage(WebSocket socket, String text) {
            if ("PING".equals(text)) {
                socket.send("PONG");
                return;
            }
            Thread replay = new Thread(() -> {
                for (int row = 0; row < 40; row++) {
                    socket.send(book(UP, "0.38", "0.4"));
                    socket.send(book(DOWN, "0.48", "0.5"));
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "replaying-socket");
            replay.setDaemon(true);
            replay.start();
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            socket.close(1000, null);
        }
    }

    @Test
    void tradesPairsFromTheStreamThroughTheSimulatedVenue() throws Exception {
        server.enqueue(new MockResponse().withWebSocketUpgrade(new ReplayingSocket()));
        server.start();
        PairMarket market = PairMarket.of("paper", UP, DOWN, Clock.system().now().plus(Duration.ofMinutes(10)));
        PairCostArbitrage bot = PairCostArbitrage.of(market, PairCostConfig.builder().maxDelta("10")
                .mode(QuotingMode.TAKER_ONLY).build());
        Portfolio portfolio = new Portfolio("paper", Money.of("1000", Currency.PUSD));
        SimulatedVenue venue = SimulatedVenue.builder().fees(PolymarketFeeModel.crypto())
                .build(portfolio, Clock.system());
        try (ClobMarketDataFeed feed = ClobMarketDataFeed.of(Map.of(market.yes(), UP, market.no(), DOWN),
                stream -> stream.url(server.url("/ws/market").toString()), Clock.system());
                TradingEngine engine = TradingEngine.builder().mode(EngineMode.PAPER).feed("clob", feed)
                        .account(venue, portfolio).strategy("pca", bot).build()) {
            engine.start();
            awaitTrue(() -> bot.status().trades().size() >= 4);
            engine.stop();
        }
        PairPosition position = bot.status().position();
        assertThat(position.pairCost()).contains(Price.of("0.9343")); // 0.40 + 0.0168 + 0.50 + 0.0175
        assertThat(Math.abs(position.deltaRaw())).isLessThanOrEqualTo(10_000_000L);
        assertThat(venue.fills()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(bot.status().trades()).extracting(PairTrade::leg).contains(PairLeg.YES, PairLeg.NO);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
