package dev.tradingsdk.core.backtest.internal;

import dev.tradingsdk.core.backtest.MarketDataFormatException;
import dev.tradingsdk.core.market.Bar;
import java.time.Instant;
import java.util.List;

/**
 * Turns bars in time order into the bars a replay gets: a repeated open time is resolved (an identical repeat
 * skipped, a differing one superseded by the later row), gaps and unfinished bars (closing after {@code asOf})
 * are reported. It holds back one bar, since the next row may supersede it.
 */
public final class BarSequencer {

    /** A parsed bar and the line it came from. */
    public record Row(long line, Bar bar) {
    }

    private final String source;
    private final Instant asOf;
    private final List<String> warnings;
    private final boolean refuseOutOfOrder;
    private Row pending;
    private Bar lastOut;

    /** With {@code refuseOutOfOrder}, a row opening before the previous one throws (a stream cannot sort). */
    public BarSequencer(String source, Instant asOf, List<String> warnings, boolean refuseOutOfOrder) {
        this.source = source;
        this.asOf = asOf;
        this.warnings = warnings;
        this.refuseOutOfOrder = refuseOutOfOrder;
    }

    /** Takes the next row; returns the bar now final, or null. */
    public Bar push(Row row) {
        if (pending == null) {
            pending = row;
            return null;
        }
        Instant t = row.bar().openTime();
        Instant previous = pending.bar().openTime();
        if (t.equals(previous)) {
            if (sameValues(pending.bar(), row.bar())) {
                warnings.add(source + " line " + row.line() + ": skipped, repeats line " + pending.line());
            } else {
                warnings.add(source + " line " + pending.line() + ": skipped, line " + row.line()
                        + " has the same time " + t + " with other values and supersedes it");
                pending = row;
            }
            return null;
        }
        if (refuseOutOfOrder && t.isBefore(previous)) {
            throw new MarketDataFormatException(source, row.line(), "time", t.toString(), "goes back in time from "
                    + previous + " (line " + pending.line() + "); stream() needs a file in time order, read() sorts");
        }
        Row out = pending;
        pending = row;
        return admit(out);
    }

    /** The last bar held back, or null. */
    public Bar flush() {
        Row out = pending;
        pending = null;
        return out == null ? null : admit(out);
    }

    private Bar admit(Row row) {
        Bar bar = row.bar();
        if (asOf != null && bar.closeTime().isAfter(asOf)) {
            warnings.add(source + ": skipped the bar opening " + bar.openTime() + ", unfinished at asOf " + asOf);
            return null;
        }
        if (lastOut != null && bar.openTime().isAfter(lastOut.closeTime())) {
            warnings.add(source + " line " + row.line() + ": kept, gap from " + lastOut.closeTime() + " to "
                    + bar.openTime());
        }
        lastOut = bar;
        return bar;
    }

    private static boolean sameValues(Bar a, Bar b) {
        return a.open().equals(b.open()) && a.high().equals(b.high()) && a.low().equals(b.low())
                && a.close().equals(b.close()) && a.volume().equals(b.volume());
    }
}
