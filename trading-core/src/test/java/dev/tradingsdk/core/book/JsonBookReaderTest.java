package dev.tradingsdk.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.order.Side;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonBookReaderTest {

    private static final Instrument OUTCOME = Instrument.builder("YES", Venue.SIM)
            .assetClass(AssetClass.BINARY_OUTCOME).quoteCurrency(Currency.USD).pricePrecision(3).sizePrecision(2)
            .build();
    private final JsonFactory factory = new JsonFactory();

    /** Reads every top-level array field named bids or asks of {@code json} as a snapshot. */
    private void snapshot(JsonBookReader reader, String json) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            reader.startSnapshot();
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("bids") || name.equals("asks")) {
                    reader.readLevels(parser, name.equals("bids") ? Side.BUY : Side.SELL);
                } else {
                    parser.skipChildren();
                }
            }
            reader.applySnapshot();
        }
    }

    @Test
    void readsObjectAndArrayLevelsWithStringAndNumberValuesIntoTheBook() throws IOException {
        OrderBook book = new OrderBook(OUTCOME);
        JsonBookReader reader = new JsonBookReader(book);
        snapshot(reader, "{\"event_type\":\"book\",\"bids\":[{\"price\":\"0.48\",\"size\":\"30\",\"x\":{\"y\":1}},"
                + "{\"size\":20.5,\"price\":0.49}],\"asks\":[[\"0.52\",\"25\"],[0.53,60]],\"hash\":\"0x0c\"}");
        assertThat(book.bestBidRaw()).isEqualTo(490);
        assertThat(book.bestBidSizeRaw()).isEqualTo(2050);
        assertThat(book.levelCount(Side.BUY)).isEqualTo(2);
        assertThat(book.bestAskRaw()).isEqualTo(520);
        assertThat(book.sizeRawAtPrice(Side.SELL, 530)).isEqualTo(6000);
    }

    @Test
    void aMalformedLevelChangesNothingAndNamesTheField() throws IOException {
        OrderBook book = new OrderBook(OUTCOME);
        JsonBookReader reader = new JsonBookReader(book);
        snapshot(reader, "{\"bids\":[{\"price\":\"0.48\",\"size\":\"30\"}],\"asks\":[]}");
        assertThatThrownBy(() -> snapshot(reader, "{\"bids\":[{\"price\":\"0.4805\",\"size\":\"1\"}]}"))
                .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("price");
                    assertThat(e.value()).isEqualTo("\"0.4805\"");
                });
        assertThatThrownBy(() -> snapshot(reader, "{\"bids\":[{\"price\":\"0.47\"}]}"))
                .isInstanceOfSatisfying(InvalidBookInputException.class,
                        e -> assertThat(e.field()).isEqualTo("level"));
        assertThatThrownBy(() -> snapshot(reader, "{\"bids\":[{\"price\":true,\"size\":\"1\"}]}"))
                .isInstanceOf(InvalidBookInputException.class);
        assertThat(book.bestBidRaw()).isEqualTo(480);
        assertThat(book.levelCount(Side.BUY)).isEqualTo(1);
    }

    @Test
    void stagesMoreLevelsThanItsInitialArraysHold() throws IOException {
        OrderBook book = new OrderBook(OUTCOME);
        JsonBookReader reader = new JsonBookReader(book);
        StringBuilder json = new StringBuilder("{\"bids\":[");
        for (int i = 1; i <= 150; i++) {
            json.append(i > 1 ? "," : "").append("[\"0.").append(String.format("%03d", i)).append("\",\"1\"]");
        }
        snapshot(reader, json.append("]}").toString());
        assertThat(book.levelCount(Side.BUY)).isEqualTo(150);
        assertThat(book.bestBidRaw()).isEqualTo(150);
    }
}
