package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.OptionTerms;
import java.time.Instant;

/**
 * Prices an option {@link Instrument} (one built with option terms) from its underlying's price: Black-76 when
 * the underlying is a future, Black-Scholes-Merton otherwise. American options are priced as European, which
 * for options on futures understates deep in-the-money values by the early-exercise premium (small at
 * ordinary rates). Time to expiry is actual/365 from {@code nowNanos} to the instrument's expiry; at or after
 * expiry the option is worth its intrinsic value. Allocation free.
 */
public final class OptionPricer {

    private static final double NANOS_PER_YEAR = 365.0 * 86_400 * 1_000_000_000L;

    private OptionPricer() {
    }

    /**
     * Fills {@code out} with the greeks of one unit of {@code option}, with the underlying at
     * {@code underlyingPrice}; {@code dividendYield} is ignored for options on futures.
     */
    public static Greeks greeks(Instrument option, double underlyingPrice, double volatility, double rate,
                                double dividendYield, long nowNanos, Greeks out) {
        OptionTerms terms = option.optionOrNull();
        if (terms == null) {
            throw new IllegalArgumentException(option + " has no option terms (build it with Instrument.Builder"
                    + ".option)");
        }
        double years = yearsToExpiry(option, nowNanos);
        double strike = terms.strike().toDouble();
        if (terms.onFuture()) {
            return Black76.greeks(terms.right(), underlyingPrice, strike, years, rate, volatility, out);
        }
        return BlackScholesMerton.greeks(terms.right(), underlyingPrice, strike, years, rate, dividendYield,
                volatility, out);
    }

    /** Actual/365 years from {@code nowNanos} to the expiry of {@code instrument}, 0 once it has passed. */
    public static double yearsToExpiry(Instrument instrument, long nowNanos) {
        Instant expiry = instrument.expiryOrNull();
        if (expiry == null) {
            throw new IllegalArgumentException(instrument + " has no expiry");
        }
        double nanos = (double) (expiry.getEpochSecond() - Math.floorDiv(nowNanos, 1_000_000_000L)) * 1e9
                + (expiry.getNano() - Math.floorMod(nowNanos, 1_000_000_000L));
        return nanos <= 0 ? 0 : nanos / NANOS_PER_YEAR;
    }

    /** Actual/365 years from {@code nowNanos} to {@code expiryNanos} (both since the epoch), 0 once past. */
    static double yearsBetween(long nowNanos, long expiryNanos) {
        long left = expiryNanos - nowNanos;
        return left <= 0 ? 0 : left / NANOS_PER_YEAR;
    }
}
