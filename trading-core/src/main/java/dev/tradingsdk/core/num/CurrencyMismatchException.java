package dev.tradingsdk.core.num;

/** Thrown when money in two currencies is combined. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Currency left;
    private final Currency right;

    public CurrencyMismatchException(Currency left, Currency right) {
        super("cannot combine money in " + describe(left, right) + " with money in " + describe(right, left));
        this.left = left;
        this.right = right;
    }

    /** The code, plus the precision when both codes are the same and only the precisions differ. */
    private static String describe(Currency currency, Currency other) {
        return currency.code().equals(other.code())
                ? currency.code() + " (" + currency.precision() + " decimals)" : currency.code();
    }

    public Currency left() {
        return left;
    }

    public Currency right() {
        return right;
    }
}
