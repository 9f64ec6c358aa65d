package dev.tradingsdk.core.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded change of trading state: for one account or, with {@link #GLOBAL} as scope, for all of them;
 * who made it, why, and when (by the governor's clock).
 */
public record StateChange(String scope, TradingState from, TradingState to, String who, String why, Instant at) {

    /** The scope of the global state (the kill switch). */
    public static final String GLOBAL = "*";

    public StateChange {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(at, "at");
    }

    public boolean isGlobal() {
        return GLOBAL.equals(scope);
    }
}
