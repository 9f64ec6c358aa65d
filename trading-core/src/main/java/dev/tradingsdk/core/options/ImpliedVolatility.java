package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.OptionRight;

/**
 * The volatility that reproduces an option price, by Newton's method safeguarded with bisection: every step
 * keeps a bracket [lo, hi] around the root (the price is increasing in volatility), and a Newton step that
 * leaves it, or a vega too small to trust, is replaced by the bracket's midpoint. So it converges wherever a
 * solution exists, quadratically near it.
 *
 * <p>A price outside the no-arbitrage bounds (below the discounted intrinsic value, at or above the discounted
 * underlying for a call or discounted strike for a put), an expired option, or a volatility above
 * {@link #MAX_VOLATILITY} is refused with an {@link ImpliedVolatilityException} saying which. A price exactly at
 * the lower bound gives 0. Meant for calibration, off the hot path: it allocates one scratch {@link Greeks}.
 */
public final class ImpliedVolatility {

    /** The largest volatility the solver looks for: 1000% a year. */
    public static final double MAX_VOLATILITY = 10.0;

    private static final int MAX_ITERATIONS = 100;
    private static final double VOL_TOLERANCE = 1e-12;

    private ImpliedVolatility() {
    }

    /** Black-76 implied volatility of a European option on a future priced at {@code forward}. */
    public static double black76(OptionRight right, double price, double forward, double strike, double years,
                                 double rate) {
        return solve(right, price, forward, strike, years, rate, 0, true);
    }

    /** Black-Scholes-Merton implied volatility of a European option on a spot paying {@code dividendYield}. */
    public static double blackScholesMerton(OptionRight right, double price, double spot, double strike,
                                            double years, double rate, double dividendYield) {
        return solve(right, price, spot, strike, years, rate, rate - dividendYield, false);
    }

    private static double solve(OptionRight right, double target, double s, double k, double t, double r, double b,
                                boolean futures) {
        Greeks g = new Greeks();
        // Validates the inputs and gives the zero-volatility (lower bound) price.
        double lower = GeneralizedBlackScholes.evaluate(right, s, k, t, r, b, 0, futures, g).price();
        double carry = futures ? Math.exp(-r * t) : Math.exp((b - r) * t);
        double upper = right == OptionRight.CALL ? s * carry : k * Math.exp(-r * t);
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("option price must be finite, was " + target);
        }
        if (t == 0) {
            throw new ImpliedVolatilityException(ImpliedVolatilityException.Reason.EXPIRED, target, lower, upper,
                    ": no time to expiry");
        }
        if (target < lower) {
            throw new ImpliedVolatilityException(ImpliedVolatilityException.Reason.BELOW_LOWER_BOUND, target, lower,
                    upper, "");
        }
        if (target >= upper) {
            throw new ImpliedVolatilityException(ImpliedVolatilityException.Reason.AT_OR_ABOVE_UPPER_BOUND, target,
                    lower, upper, "");
        }
        if (target == lower) {
            return 0;
        }
        double lo = 0;
        double hi = MAX_VOLATILITY;
        if (GeneralizedBlackScholes.evaluate(right, s, k, t, r, b, hi, futures, g).price() < target) {
            throw new ImpliedVolatilityException(ImpliedVolatilityException.Reason.ABOVE_MAX_VOLATILITY, target,
                    lower, upper, ": the price at volatility " + MAX_VOLATILITY + " is " + g.price());
        }
        // Brenner-Subrahmanyam's at-the-money estimate: price ≈ 0.4·S·carry·σ√T.
        double x = clamp(target / (0.3989422804014327 * s * carry * Math.sqrt(t)), 0.01, 2.0);
        double tolerance = 1e-14 * Math.max(upper, 1e-300);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            GeneralizedBlackScholes.evaluate(right, s, k, t, r, b, x, futures, g);
            double diff = g.price() - target;
            if (Math.abs(diff) <= tolerance) {
                return x;
            }
            if (diff > 0) {
                hi = x;
            } else {
                lo = x;
            }
            if (hi - lo <= VOL_TOLERANCE * Math.max(1, hi)) {
                return 0.5 * (lo + hi);
            }
            double next = x - diff / g.vega();
            x = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        throw new ImpliedVolatilityException(ImpliedVolatilityException.Reason.NO_CONVERGENCE, target, lower, upper,
                ": bracket " + lo + " .. " + hi + " after " + MAX_ITERATIONS + " iterations");
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
