package dev.tradingsdk.llm.prompt;

import java.time.Instant;

/** A read of market data later than the decision time: the look-ahead bias the point-in-time view forbids. */
public final class LookAheadException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public LookAheadException(String what, Instant asked, Instant decisionTime) {
        super("look-ahead: " + what + " at " + asked + " is after the decision time " + decisionTime);
    }
}
