package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.polymarket.internal.ClobMessageHandler;
import dev.tradingsdk.polymarket.order.TickSize;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11 items 19 and 20: a stream message applies whole or leaves the book stale; bad values are typed errors. */
class StreamMessageAtomicityTest {
    private static final String ASSET = ClobMessageHandlerTest.ASSET;

    private final RecordingStreamListener listener = new RecordingStreamListener();
    private final List<String> ticks = new ArrayList<>();
    private final ClobMessageHandler handler = new ClobMessageHandler(new ObjectMapper(), listener,
            (asset, tick) -> ticks.add(asset + "=" + tick.value()));

    private static String priceChange(String... changes) {
        StringBuilder out = new StringBuilder("{\"event_type\":\"price_change\",\"market\":\"0x5f\",\"timestamp\":"
                + "\"1777467606000\",\"price_changes\":[");
        for (int i = 0; i < changes.length; i++) {
            out.append(i == 0 ? "" : ",").append(changes[i]);
        }
        return out.append("]}").toString();
    }

    private static String change(String price, String size, String side) {
        return "{\"asset_id\":\"" + ASSET + "\",\"price\":\"" + price + "\",\"size\":\"" + size + "\",\"side\":\""
                + side + "\"}";
    }

    @Test
    void aHalfMalformedPriceChangeAppliesNothingAndLeavesTheBookStaleUntilTheNextSnapshot() {
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        int booksBefore = listener.books.size();
        handler.handle(priceChange(change("0.51", "12", "BUY"), change("abc", "3", "SELL")));
        // Before the fix the first change was applied (best bid 0.51) and the book stayed fresh.
        assertThat(handler.book(ASSET)).isEmpty();
        assertThat(listener.books).hasSize(booksBefore);
        assertThat(listener.staleBooks).singleElement().asString().startsWith(ASSET).contains("abc");
        assertThat(listener.malformedErrors).singleElement().isInstanceOf(IllegalArgumentException.class);

        handler.handle(priceChange(change("0.51", "12", "BUY")));
        assertThat(handler.book(ASSET)).as("deltas wait for the snapshot").isEmpty();
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        assertThat(handler.book(ASSET).orElseThrow().bestBid()).contains(Price.of("0.5"));
    }

    @Test
    void aFailedReSnapshotDoesNotLeaveTheOldBookServedAsFresh() {
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        handler.handle("{\"event_type\":\"book\",\"asset_id\":\"" + ASSET + "\",\"bids\":[{\"price\":\"0.44\","
                + "\"size\":\"7\"}],\"asks\":[{\"price\":\"0.46\",\"size\":\"-9\"}],\"timestamp\":\"1777467700000\"}");
        assertThat(handler.book(ASSET)).isEmpty();
        assertThat(listener.staleBooks).hasSize(1);
        assertThat(listener.malformed).singleElement().asString().contains("size '-9' is negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-3", "0.0000000001", "1e400000000000"})
    void malformedBookValuesAreTypedDecodeErrorsNamingFieldAndValue(String size) {
        handler.handle("{\"event_type\":\"book\",\"asset_id\":\"" + ASSET + "\",\"bids\":[{\"price\":\"0.44\","
                + "\"size\":\"" + size + "\"}],\"asks\":[]}");
        assertThat(listener.malformedErrors).singleElement().isInstanceOf(IllegalArgumentException.class)
                .asString().contains("size '" + size + "'");
        assertThat(handler.book(ASSET)).isEmpty();
    }

    @Test
    void theLegacySchemaAlsoAppliesWholeOrNotAtAll() {
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        // Seven decimals do not fit the book's six; before the fix the first change of the message was kept.
        handler.handle("{\"event_type\":\"price_change\",\"asset_id\":\"" + ASSET + "\",\"changes\":["
                + "{\"price\":\"0.51\",\"size\":\"12\",\"side\":\"BUY\"},"
                + "{\"price\":\"0.5200001\",\"size\":\"3\",\"side\":\"SELL\"}]}");
        assertThat(handler.book(ASSET)).isEmpty();
        assertThat(listener.staleBooks).hasSize(1);
        assertThat(listener.malformed).singleElement().asString().contains("price '0.5200001'");
    }

    @Test
    void tickSizeChangesReachTheTickSink() {
        handler.handle("{\"event_type\":\"tick_size_change\",\"asset_id\":\"" + ASSET + "\",\"old_tick_size\":"
                + "\"0.01\",\"new_tick_size\":\"0.001\"}");
        assertThat(ticks).containsExactly(ASSET + "=" + TickSize.THOUSANDTH.value());
        assertThat(handler.tickSize(ASSET)).contains(TickSize.THOUSANDTH);
    }
}
