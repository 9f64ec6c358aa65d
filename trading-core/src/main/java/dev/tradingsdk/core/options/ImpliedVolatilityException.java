package dev.tradingsdk.core.options;

/**
 * No implied volatility exists for the given price, or the solver could not find it. {@link #reason()} says
 * which; the no-arbitrage bounds the price was compared with are {@link #lowerBound()} and {@link #upperBound()}.
 */
public final class ImpliedVolatilityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why no volatility was returned. */
    public enum Reason {
        /** The price is below the discounted intrinsic value: no volatility, however small, gives it. */
        BELOW_LOWER_BOUND,
        /** The price is at or above what the option is worth at infinite volatility. */
        AT_OR_ABOVE_UPPER_BOUND,
        /** No time is left, so the price says nothing about volatility. */
        EXPIRED,
        /** The volatility would exceed the solver's range (see {@link ImpliedVolatility#MAX_VOLATILITY}). */
        ABOVE_MAX_VOLATILITY,
        /** The solver did not meet its tolerance within its iteration limit. */
        NO_CONVERGENCE
    }

    private final Reason reason;
    private final double price;
    private final double lowerBound;
    private final double upperBound;

    ImpliedVolatilityException(Reason reason, double price, double lowerBound, double upperBound, String detail) {
        super("no implied volatility for price " + price + ": " + reason + " (no-arbitrage bounds " + lowerBound
                + " .. " + upperBound + ")" + detail);
        this.reason = reason;
        this.price = price;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    public Reason reason() {
        return reason;
    }

    public double price() {
        return price;
    }

    /** The discounted intrinsic value: the price at zero volatility. */
    public double lowerBound() {
        return lowerBound;
    }

    /** The price at infinite volatility: the discounted underlying for a call, the discounted strike for a put. */
    public double upperBound() {
        return upperBound;
    }
}
