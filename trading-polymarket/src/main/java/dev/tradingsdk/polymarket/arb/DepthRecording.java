package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.backtest.BookCsvReader;
import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.polymarket.dto.UpDownWindow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A top-of-book recording of both legs in the shared recordings' format, one row per instant:
 * {@code ts_ny,yes_bid,yes_ask,yes_bid_depth,yes_ask_depth,no_bid,no_ask,no_bid_depth,no_ask_depth} (ISO-8601 time,
 * blank price = empty side). {@link BookRecorder} writes it; this reads it into core book snapshots per leg for a
 * replay. Sizes are read half-even at 2 decimals, so a recorder's float artifact such as 5725.7699999999995 reads
 * as 5725.77.
 */
public record DepthRecording(PairMarket market, List<BookSnapshot> yes, List<BookSnapshot> no) {
    public static final String HEADER =
            "ts_ny,yes_bid,yes_ask,yes_bid_depth,yes_ask_depth,no_bid,no_ask,no_bid_depth,no_ask_depth";

    public DepthRecording {
        Objects.requireNonNull(market, "market");
        yes = List.copyOf(yes);
        no = List.copyOf(no);
    }

    /** The slugs of the recordings bundled with this module (see its SOURCES.md). */
    public static final List<String> BUNDLED = List.of("btc-updown-15m-1767398400", "btc-updown-15m-1767397500");

    /**
     * A bundled recording of a 15-minute window ({@code <asset>-updown-15m-<start>}): its market's tokens are named
     * {@code <slug>-up} and {@code <slug>-down} and it resolves at start + 15 min.
     */
    public static DepthRecording bundled(String slug) {
        if (!BUNDLED.contains(slug)) {
            throw new IllegalArgumentException("no bundled recording " + slug + "; bundled: " + BUNDLED);
        }
        long start = Long.parseLong(slug.substring(slug.lastIndexOf('-') + 1));
        PairMarket market = PairMarket.of(slug, slug + "-up", slug + "-down",
                Instant.ofEpochSecond(start + UpDownWindow.WINDOW_SECONDS));
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                DepthRecording.class.getResourceAsStream("polymarket_" + slug + "_depth.csv"), slug),
                StandardCharsets.UTF_8)) {
            return read(reader, slug, market);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled recording " + slug, e);
        }
    }

    public static DepthRecording read(Path file, PairMarket market) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), market);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static DepthRecording read(Reader reader, String source, PairMarket market) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return read(text.toString(), source, market);
    }

    private static DepthRecording read(String text, String source, PairMarket market) {
        List<BookSnapshot> yes = BookCsvReader.topOfBook(market.yes())
                .columns("ts_ny", "yes_bid", "yes_ask", "yes_bid_depth", "yes_ask_depth")
                .sizeRounding(RoundingMode.HALF_EVEN).read(new StringReader(text), source).events();
        List<BookSnapshot> no = BookCsvReader.topOfBook(market.no())
                .columns("ts_ny", "no_bid", "no_ask", "no_bid_depth", "no_ask_depth")
                .sizeRounding(RoundingMode.HALF_EVEN).read(new StringReader(text), source).events();
        return new DepthRecording(market, yes, no);
    }

    /** Both legs' snapshots merged by time, for a REPLAY engine. */
    public MarketReplay replay() {
        return MarketReplay.of(List.of(yes.iterator(), no.iterator()));
    }
}
