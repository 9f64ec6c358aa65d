package dev.tradingsdk.core.risk.internal;

import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.RiskRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/** Validation of rule configuration: each failure names the field and the value. */
public final class Arguments {

    private Arguments() {
    }

    /** {@code value} as a raw value at {@code precision}; must be positive and have no more decimals. */
    public static long positiveRaw(String field, BigDecimal value, int precision) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        try {
            return FixedMath.fromBigDecimal(value, precision, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " " + value.toPlainString() + " has more than " + precision
                    + " decimal places or is out of range", e);
        }
    }

    /** A positive money amount as a raw value at {@code precision}. */
    public static long positiveMoneyRaw(String field, Money value, int precision) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return positiveRaw(field, value.toBigDecimal(), precision);
    }

    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    public static Duration positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
        }
        return value;
    }

    public static Duration notNegative(String field, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * Refuses {@code rule} when a rule with its code is already among {@code added}, naming both: violations and
     * audit records name a rule by its code, so two rules with one code could not be told apart.
     */
    public static void requireNewRuleCode(List<? extends RiskRule> added, RiskRule rule) {
        for (RiskRule existing : added) {
            if (existing.code().equals(rule.code())) {
                throw new IllegalStateException("rule " + rule.code() + " added twice: " + existing + " and " + rule);
            }
        }
    }
}
