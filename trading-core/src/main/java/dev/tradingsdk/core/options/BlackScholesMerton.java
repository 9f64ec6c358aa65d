package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.OptionRight;

/**
 * Black-Scholes-Merton for European options on a spot underlying (an equity or index) paying a continuous
 * dividend yield q. Rho is ∂V/∂r with the spot and the yield held fixed. Inputs as in {@link Black76}, with
 * the spot price for the forward. Allocation free.
 */
public final class BlackScholesMerton {

    private BlackScholesMerton() {
    }

    /** Fills {@code out} with the price and greeks and returns it. */
    public static Greeks greeks(OptionRight right, double spot, double strike, double years, double rate,
                                double dividendYield, double volatility, Greeks out) {
        return GeneralizedBlackScholes.evaluate(right, spot, strike, years, rate, rate - dividendYield, volatility,
                false, out);
    }

    /** The price alone (allocates one {@link Greeks}: use {@link #greeks} on a hot path). */
    public static double price(OptionRight right, double spot, double strike, double years, double rate,
                               double dividendYield, double volatility) {
        return greeks(right, spot, strike, years, rate, dividendYield, volatility, new Greeks()).price();
    }
}
