package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.UserOrderEvent;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import dev.tradingsdk.polymarket.internal.ClobMessageHandler;
import dev.tradingsdk.polymarket.order.TickSize;
import org.junit.jupiter.api.Test;

class ClobMessageHandlerTest {
    static final String ASSET = "71321045679252212594626385532706912750332728571942532289631379312455583992563";

    private final RecordingStreamListener listener = new RecordingStreamListener();
    private final ClobMessageHandler handler = new ClobMessageHandler(new ObjectMapper(), listener);

    @Test
    void snapshotSortsLevelsBestFirst() {
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        BookSnapshot book = handler.book(ASSET).orElseThrow();
        assertThat(book.bestBid()).contains(Price.of("0.5"));
        assertThat(book.bestAsk()).contains(Price.of("0.52"));
        assertThat(book.bids()).extracting(BookLevel::price)
                .containsExactly(Price.of("0.5"), Price.of("0.49"), Price.of("0.48"));
        assertThat(book.bids().get(0).size()).isEqualTo(Quantity.of("15.5"));
        assertThat(book.timestampMillis()).isEqualTo(1777467605123L);
        assertThat(book.crossed()).isFalse();
    }

    @Test
    void appliesCurrentAndLegacyPriceChangeSchemas() {
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        handler.handle(Vectors.text("payloads/ws-market-price-change.json"));
        BookSnapshot afterNew = handler.book(ASSET).orElseThrow();
        assertThat(afterNew.bestBid()).contains(Price.of("0.51"));
        assertThat(afterNew.bestAsk()).contains(Price.of("0.53"));
        handler.handle(Vectors.text("payloads/ws-market-price-change-legacy.json"));
        BookSnapshot afterLegacy = handler.book(ASSET).orElseThrow();
        assertThat(afterLegacy.bids()).extracting(BookLevel::price)
                .containsExactly(Price.of("0.51"), Price.of("0.5"), Price.of("0.48"));
        assertThat(afterLegacy.asks()).extracting(BookLevel::price)
                .containsExactly(Price.of("0.53"), Price.of("0.54"), Price.of("0.55"));
        assertThat(listener.books).hasSize(3);
        assertThat(listener.malformed).isEmpty();
    }

    @Test
    void toleratesAMomentarilyCrossedBook() {
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        handler.handle("{\"event_type\":\"price_change\",\"market\":\"m\",\"timestamp\":\"1\",\"price_changes\":["
                + "{\"asset_id\":\"" + ASSET + "\",\"price\":\"0.55\",\"size\":\"5\",\"side\":\"BUY\"}]}");
        assertThat(handler.book(ASSET).orElseThrow().crossed()).isTrue();
        handler.handle("{\"event_type\":\"price_change\",\"market\":\"m\",\"timestamp\":\"2\",\"price_changes\":["
                + "{\"asset_id\":\"" + ASSET + "\",\"price\":\"0.55\",\"size\":\"0\",\"side\":\"BUY\"}]}");
        assertThat(handler.book(ASSET).orElseThrow().crossed()).isFalse();
        assertThat(listener.malformed).isEmpty();
    }

    @Test
    void ignoresDeltasUntilAFreshSnapshotAfterAConnectionLoss() {
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        handler.connectionLost();
        assertThat(listener.stale).hasValue(1);
        assertThat(handler.book(ASSET)).isEmpty();
        handler.handle(Vectors.text("payloads/ws-market-price-change.json"));
        assertThat(handler.book(ASSET)).isEmpty();
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        assertThat(handler.book(ASSET).orElseThrow().bestBid()).contains(Price.of("0.5"));
    }

    @Test
    void reportsTickSizeTradesAndBestBidAsk() {
        handler.handle(Vectors.text("payloads/ws-market-misc.json"));
        assertThat(listener.ticks).containsExactly("0.01->0.001");
        assertThat(handler.tickSize(ASSET)).contains(TickSize.THOUSANDTH);
        assertThat(listener.trades).singleElement().satisfies(trade -> {
            assertThat(trade.price()).isEqualTo(Price.of("0.52"));
            assertThat(trade.size()).isEqualTo(Quantity.of("219.217767"));
            assertThat(trade.side()).isEqualTo(Side.BUY);
        });
        assertThat(listener.bestBidAsks).containsExactly("0.51/0.53");
        assertThat(listener.malformed).isEmpty();
    }

    @Test
    void followsOrderAndTradeLifecycles() {
        handler.handle(Vectors.text("payloads/ws-user-events.json"));
        assertThat(listener.orders).extracting(UserOrderEvent::type)
                .containsExactly(UserOrderEvent.Type.PLACEMENT, UserOrderEvent.Type.UPDATE);
        assertThat(listener.orders.get(1).sizeMatched()).isEqualTo(Quantity.of("4"));
        assertThat(listener.userTrades).extracting(UserTradeEvent::status)
                .containsExactly(UserTradeEvent.Status.MATCHED, UserTradeEvent.Status.CONFIRMED);
        assertThat(listener.userTrades.get(1).status().isFinal()).isTrue();
        assertThat(listener.userTrades.get(0).makerOrderIds())
                .containsExactly("0xff354cd7ca7539dfa9c28d90943ab5779a4eac34b9b37a757d7b32bdfb11790b");
    }

    @Test
    void reportsMalformedMessagesAndKeepsGoing() {
        handler.handle("PONG");
        handler.handle("{not json");
        handler.handle("{\"event_type\":\"book\",\"bids\":[],\"asks\":[]}");
        handler.handle("{\"event_type\":\"trade\",\"id\":\"t\",\"status\":\"EXPLODED\",\"side\":\"BUY\"}");
        assertThat(listener.malformed).hasSize(3);
        assertThat(listener.malformed.get(1)).contains("without 'asset_id'");
        assertThat(listener.malformed.get(2)).contains("EXPLODED");
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        assertThat(handler.book(ASSET)).isPresent();
    }
}
