package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.num.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved window: the position held at resolution, the winning leg ($1 per share; the other pays $0), where
 * the winner came from and the P&amp;L booked, or no winner when it could not be determined (nothing booked).
 */
public record WindowResult(String slug, PairPosition position, Optional<PairLeg> winner, WinnerSource source,
        Money pnl) {

    /** Where the winner of a window came from. */
    public enum WinnerSource {
        /** The venue's resolution (Gamma: closed, outcome prices 1 and 0). */
        RESOLUTION,
        /** Not resolved yet at the window's end: the last books (the leg bid at 0.9 or more). */
        BOOKS,
        /** Neither: no winner, nothing booked. */
        NONE
    }

    public WindowResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(pnl, "pnl");
    }
}
