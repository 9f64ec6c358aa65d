package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.num.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved window: the position held at resolution, the winning leg ($1 per share; the other pays $0) and the
 * P&amp;L booked, or no winner when it could not be determined (nothing booked).
 */
public record WindowResult(String slug, PairPosition position, Optional<PairLeg> winner, Money pnl) {
    public WindowResult {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(pnl, "pnl");
    }
}
