package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rejects new exposure in an instrument that expires or settles within a buffer: from {@code expiry − buffer}
 * on, only orders that reduce a position pass. Instruments without an expiry always pass.
 */
public final class ExpiryBufferRule implements RiskRule {

    public static final String CODE = "EXPIRY_BUFFER";

    private final Duration buffer;
    private final long bufferNanos;

    public ExpiryBufferRule(Duration buffer) {
        this.buffer = Arguments.notNegative("buffer", buffer);
        this.bufferNanos = buffer.toNanos();
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        Optional<Instant> expiry = context.instrument().expiry();
        if (expiry.isEmpty()) {
            return RuleResult.pass();
        }
        Instant e = expiry.get();
        long expiryNanos = EpochNanos.of(e);
        long cutoff = Math.subtractExact(expiryNanos, bufferNanos);
        if (context.nowNanos() < cutoff || context.reducesPosition()) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, context.instrument() + " expires at " + e + "; no new exposure within "
                + buffer + " of expiry");
    }
}
