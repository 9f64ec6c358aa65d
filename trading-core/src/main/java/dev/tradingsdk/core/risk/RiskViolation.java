package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.num.FixedMath;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Why a rule rejected an order: the rule's code, a readable message, and the limit and the actual value it
 * compared (either may be {@code null} when the rule compares no number, e.g. a halted account).
 */
public record RiskViolation(String code, String message, BigDecimal limit, BigDecimal actual)
        implements RuleResult {

    public RiskViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A violation without numbers. */
    public static RiskViolation of(String code, String message) {
        return new RiskViolation(code, message, null, null);
    }

    /** A violation whose limit and actual value are raw fixed-point values at {@code precision}. */
    public static RiskViolation of(String code, String message, long limitRaw, long actualRaw, int precision) {
        return new RiskViolation(code, message, FixedMath.toBigDecimal(limitRaw, precision),
                FixedMath.toBigDecimal(actualRaw, precision));
    }

    @Override
    public boolean passed() {
        return false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(code).append(": ").append(message);
        if (limit != null || actual != null) {
            sb.append(" (limit ").append(limit == null ? "-" : limit.toPlainString())
                    .append(", actual ").append(actual == null ? "-" : actual.toPlainString()).append(')');
        }
        return sb.toString();
    }
}
