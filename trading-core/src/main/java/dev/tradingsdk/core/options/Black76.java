package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.OptionRight;

/**
 * Black's 1976 model for European options on futures: the future F is lognormal with no drift and the payoff
 * is discounted at the rate r. Rho is ∂V/∂r with the futures price held fixed (−T·V). Inputs: forward (futures)
 * price and strike in the same units, time to expiry in years, a continuously compounded rate and a volatility
 * per year; a non-positive price or strike, negative time or volatility, NaN or infinity is refused with
 * {@link IllegalArgumentException} naming the input. Allocation free.
 */
public final class Black76 {

    private Black76() {
    }

    /** Fills {@code out} with the price and greeks and returns it. */
    public static Greeks greeks(OptionRight right, double forward, double strike, double years, double rate,
                                double volatility, Greeks out) {
        return GeneralizedBlackScholes.evaluate(right, forward, strike, years, rate, 0, volatility, true, out);
    }

    /** The price alone (allocates one {@link Greeks}: use {@link #greeks} on a hot path). */
    public static double price(OptionRight right, double forward, double strike, double years, double rate,
                               double volatility) {
        return greeks(right, forward, strike, years, rate, volatility, new Greeks()).price();
    }
}
