package dev.tradingsdk.kalshi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.journal.JournalCodec;
import dev.tradingsdk.core.market.BookSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * One recorded state of a market's book, as Kalshi sends it (YES bids and NO bids), with where it came from.
 *
 * @param seq        for {@link SnapshotSource#POLL}, the poll slot ({@code epochMillis / interval}); for
 *                   {@link SnapshotSource#WEBSOCKET}, {@code connection × 10^9 + the subscription's seq}, so a
 *                   reconnect (which restarts Kalshi's seq) never collides with earlier snapshots
 * @param recordedAt when it was taken, with its zone
 */
public record MarketSnapshot(String ticker, SnapshotSource source, long seq, ZonedDateTime recordedAt,
                             List<PriceLevel> yesBids, List<PriceLevel> noBids) {

    /** The journal encoding: one JSON object per record, prices and counts as the venue's decimal strings. */
    public static final JournalCodec<MarketSnapshot> CODEC = new Codec();

    public MarketSnapshot {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedAt, "recordedAt");
        yesBids = List.copyOf(yesBids);
        noBids = List.copyOf(noBids);
        if (seq < 0) {
            throw new IllegalArgumentException("snapshot seq must not be negative, was " + seq);
        }
    }

    static MarketSnapshot of(KalshiOrderbook book, SnapshotSource source, long seq, ZonedDateTime at) {
        return new MarketSnapshot(book.ticker(), source, seq, at, book.yesBids(), book.noBids());
    }

    public KalshiOrderbook orderbook() {
        return new KalshiOrderbook(ticker, yesBids, noBids);
    }

    /** The key the recorder de-duplicates on. */
    public String key() {
        return ticker + "|" + source + "|" + seq;
    }

    /** The snapshot as a core market event of {@code instrument} (YES bids; asks = 1 - NO bids). */
    public BookSnapshot toBookSnapshot(Instrument instrument) {
        KalshiOrderbook book = orderbook();
        return new BookSnapshot(instrument, recordedAt.toInstant(), book.coreBids(), book.coreAsks());
    }

    private static final class Codec implements JournalCodec<MarketSnapshot> {
        private static final ObjectMapper JSON = RestClient.defaultObjectMapper();

        @Override
        public byte[] encode(MarketSnapshot s) {
            ObjectNode node = JSON.createObjectNode();
            node.put("ticker", s.ticker).put("source", s.source.name()).put("seq", s.seq)
                .put("recorded_at", s.recordedAt.toString());
            node.set("yes", levels(s.yesBids));
            node.set("no", levels(s.noBids));
            return node.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static ArrayNode levels(List<PriceLevel> levels) {
            ArrayNode array = JSON.createArrayNode();
            for (PriceLevel level : levels) {
                array.addArray().add(level.price().toString()).add(level.size().toString());
            }
            return array;
        }

        @Override
        public MarketSnapshot decode(byte[] bytes) {
            JsonNode node;
            try {
                node = JSON.readTree(bytes);
            } catch (IOException e) {
                throw KalshiPayloads.malformed("recorded snapshot", "(record)", "is not JSON", e);
            }
            String p = "recorded snapshot";
            String ticker = KalshiPayloads.text(node, "ticker", p);
            SnapshotSource source;
            try {
                source = SnapshotSource.valueOf(KalshiPayloads.text(node, "source", p));
            } catch (IllegalArgumentException e) {
                throw KalshiPayloads.malformed(p, "source", "is not POLL or WEBSOCKET: " + node.get("source"), e);
            }
            ZonedDateTime at;
            try {
                at = ZonedDateTime.parse(KalshiPayloads.text(node, "recorded_at", p));
            } catch (DateTimeParseException e) {
                throw KalshiPayloads.malformed(p, "recorded_at", "is not a zoned time: " + node.get("recorded_at"), e);
            }
            return new MarketSnapshot(ticker, source, KalshiPayloads.integer(node, "seq", p), at,
                KalshiPayloads.levels(node, "yes", false, p), KalshiPayloads.levels(node, "no", false, p));
        }
    }
}
