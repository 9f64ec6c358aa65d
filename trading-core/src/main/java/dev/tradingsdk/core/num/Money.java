package dev.tradingsdk.core.num;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An immutable exact amount of money in one {@link Currency}: {@code raw / 10^precision}. Signed.
 * Combining two currencies throws {@link CurrencyMismatchException}; equality is by currency and value.
 */
public final class Money extends FixedPointValue implements Comparable<Money> {

    private final Currency currency;

    private Money(long raw, int precision, Currency currency) {
        super(raw, precision);
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public static Money ofRaw(long raw, int precision, Currency currency) {
        return new Money(raw, precision, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency.precision(), currency);
    }

    /** Parses a plain decimal; the precision is the currency's or the number of decimals written, if more. */
    public static Money of(String text, Currency currency) {
        int precision = Math.max(currency.precision(), inferPrecision("money", text));
        return new Money(parseRaw("money", text, precision, RoundingMode.UNNECESSARY), precision, currency);
    }

    /** Parses a plain decimal at {@code precision}; more significant decimals are rejected. */
    public static Money of(String text, int precision, Currency currency) {
        return new Money(parseRaw("money", text, precision, RoundingMode.UNNECESSARY), precision, currency);
    }

    public static Money of(BigDecimal value, int precision, RoundingMode mode, Currency currency) {
        return new Money(fromBigDecimal("money", value, precision, mode), precision, currency);
    }

    /** Scales {@code value} to the currency's precision or its own scale, whichever is larger (max 9). */
    public static Money of(BigDecimal value, Currency currency) {
        int precision = Math.max(currency.precision(), Math.min(Math.max(value.stripTrailingZeros().scale(), 0),
                FixedMath.MAX_PRECISION));
        return of(value, precision, RoundingMode.UNNECESSARY, currency);
    }

    public Currency currency() {
        return currency;
    }

    private void checkCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    public Money plus(Money other) {
        checkCurrency(other);
        int p = Math.max(precision, other.precision);
        return new Money(Math.addExact(rawAt(p), other.rawAt(p)), p, currency);
    }

    public Money minus(Money other) {
        checkCurrency(other);
        int p = Math.max(precision, other.precision);
        return new Money(Math.subtractExact(rawAt(p), other.rawAt(p)), p, currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(raw), precision, currency);
    }

    public Money abs() {
        return raw < 0 ? negate() : this;
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(raw, factor), precision, currency);
    }

    /** {@code this × numerator / denominator}, rounded with {@code mode} at this precision (fees, bps). */
    public Money timesRatio(long numerator, long denominator, RoundingMode mode) {
        return new Money(FixedMath.multiplyDivide(raw, numerator, denominator, mode), precision, currency);
    }

    /** The same amount at another precision, rounding with {@code mode} when reducing it. */
    public Money withPrecision(int newPrecision, RoundingMode mode) {
        FixedMath.checkPrecision(newPrecision);
        return new Money(FixedMath.rescale(raw, precision, newPrecision, mode), newPrecision, currency);
    }

    /** Rounded to the currency's own precision with {@code mode} (for settlement and display). */
    public Money rounded(RoundingMode mode) {
        return precision <= currency.precision() ? withPrecision(currency.precision(), RoundingMode.UNNECESSARY)
                : withPrecision(currency.precision(), mode);
    }

    /** {@code this / other} as a plain ratio, e.g. a return; both in the same currency. */
    public BigDecimal ratioTo(Money other, int scale, RoundingMode mode) {
        checkCurrency(other);
        return toBigDecimal().divide(other.toBigDecimal(), scale, mode);
    }

    public boolean isNegative() {
        return raw < 0;
    }

    public boolean isPositive() {
        return raw > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(Money other) {
        checkCurrency(other);
        return compareValue(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && compareValue(m) == 0;
    }

    @Override
    public int hashCode() {
        return valueHash() * 31 + currency.hashCode();
    }

    /** E.g. {@code 12.50 USD}. */
    @Override
    public String toString() {
        return super.toString() + " " + currency.code();
    }
}
