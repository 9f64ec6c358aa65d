package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.options.internal.NormalDistribution;

/**
 * The generalized Black-Scholes formula with cost of carry b (Haug, "The Complete Guide to Option Pricing
 * Formulas", ch. 1): b = r − q is Black-Scholes-Merton on a spot paying a continuous yield q, b = 0 is Black-76 on
 * a future. One evaluation costs one logarithm, one square root and two or three exponentials: the density at d2
 * comes from the one at d1 through S·e^(bT)·n(d1) = K·n(d2).
 */
final class GeneralizedBlackScholes {

    private static final double INV_SQRT_2PI = 1 / NormalDistribution.SQRT_2PI;

    private GeneralizedBlackScholes() {
    }

    /**
     * Fills {@code out}. With no time or no volatility left (σ√T = 0) the option is worth its discounted intrinsic
     * value: delta steps at the money (half the carry factor exactly at it), gamma is 0 and vega is the σ → 0
     * limit (non-zero only exactly at the money before expiry).
     */
    static Greeks evaluate(OptionRight right, double s, double k, double t, double r, double b, double sigma,
                           boolean futures, Greeks out) {
        check(s, k, t, r, b, sigma);
        boolean call = right == OptionRight.CALL;
        double disc = Math.exp(-r * t);
        // Black-76 (b = 0) discounts the future at the same rate, so the carry factor is the discount factor.
        double carry = futures ? disc : Math.exp((b - r) * t);
        double sqrtT = Math.sqrt(t);
        double v = sigma * sqrtT;
        double sCarry = s * carry;
        double kDisc = k * disc;
        double n1;
        double n2;
        double pdf;
        double gamma;
        double decay;
        if (v > 0) {
            double d1 = (Math.log(s / k) + (b + 0.5 * sigma * sigma) * t) / v;
            double d2 = d1 - v;
            double gauss1 = Math.exp(-0.5 * d1 * d1);
            double gauss2 = gauss1 * (sCarry / kDisc);
            n1 = NormalDistribution.cdf(call ? d1 : -d1, gauss1);
            n2 = NormalDistribution.cdf(call ? d2 : -d2, gauss2);
            pdf = gauss1 * INV_SQRT_2PI;
            gamma = carry * pdf / (s * v);
            decay = -sCarry * pdf * sigma / (2 * sqrtT);
        } else {
            // The deterministic limit: exercised exactly when in the money at the forward.
            double step = sCarry > kDisc ? 1 : sCarry < kDisc ? 0 : 0.5;
            n1 = call ? step : 1 - step;
            n2 = n1;
            pdf = sCarry == kDisc ? INV_SQRT_2PI : 0;
            gamma = 0;
            decay = 0;
        }
        double price;
        double delta;
        double theta;
        double rho;
        if (call) {
            price = sCarry * n1 - kDisc * n2;
            delta = carry * n1;
            theta = decay - (b - r) * sCarry * n1 - r * kDisc * n2;
            rho = futures ? -t * price : t * kDisc * n2;
        } else {
            price = kDisc * n2 - sCarry * n1;
            delta = -carry * n1;
            theta = decay + (b - r) * sCarry * n1 + r * kDisc * n2;
            rho = futures ? -t * price : -t * kDisc * n2;
        }
        // Rounding can leave a far out-of-the-money price a hair below zero.
        return out.set(Math.max(price, 0), delta, gamma, sCarry * pdf * sqrtT, theta, rho);
    }

    private static void check(double s, double k, double t, double r, double b, double sigma) {
        if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("underlying price must be positive and finite, was " + s);
        }
        if (!(k > 0) || k == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("strike must be positive and finite, was " + k);
        }
        if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("years to expiry must be zero or positive and finite, was " + t);
        }
        if (!(sigma >= 0) || sigma == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("volatility must be zero or positive and finite, was " + sigma);
        }
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("rate must be finite, was " + r);
        }
        if (!Double.isFinite(b)) {
            throw new IllegalArgumentException("dividend yield must be finite, was " + (r - b));
        }
    }
}
