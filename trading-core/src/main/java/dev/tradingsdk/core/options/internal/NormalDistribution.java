package dev.tradingsdk.core.options.internal;

/**
 * The standard normal density and distribution function in double precision, without allocation.
 *
 * <p>The distribution function is Hart's 1968 rational approximation (algorithm 5666, as presented in
 * G. West, "Better approximations to cumulative normal functions", Wilmott Magazine 2005), accurate to about
 * 1e-15 absolute over the whole line. It takes {@code exp(-x²/2)} from the caller so a pricer that already
 * holds it (the density at d1 gives the one at d2 through F·n(d1) = K·n(d2)) pays for one exponential, not three.
 */
public final class NormalDistribution {

    /** √(2π). */
    public static final double SQRT_2PI = 2.5066282746310002;

    private NormalDistribution() {
    }

    /** The density at {@code x}. */
    public static double density(double x) {
        return Math.exp(-0.5 * x * x) / SQRT_2PI;
    }

    /** P(X ≤ x). */
    public static double cdf(double x) {
        return cdf(x, Math.exp(-0.5 * x * x));
    }

    /** P(X ≤ x) given {@code gauss} = exp(-x²/2). */
    public static double cdf(double x, double gauss) {
        double a = Math.abs(x);
        double tail;
        if (a > 37) {
            tail = 0;
        } else if (a < 7.07106781186547) {
            double num = 3.52624965998911e-02 * a + 0.700383064443688;
            num = num * a + 6.37396220353165;
            num = num * a + 33.912866078383;
            num = num * a + 112.079291497871;
            num = num * a + 221.213596169931;
            num = num * a + 220.206867912376;
            double den = 8.83883476483184e-02 * a + 1.75566716318264;
            den = den * a + 16.064177579207;
            den = den * a + 86.7807322029461;
            den = den * a + 296.564248779674;
            den = den * a + 637.333633378831;
            den = den * a + 793.826512519948;
            den = den * a + 440.413735824752;
            tail = gauss * num / den;
        } else {
            double cf = a + 0.65;
            cf = a + 4 / cf;
            cf = a + 3 / cf;
            cf = a + 2 / cf;
            cf = a + 1 / cf;
            tail = gauss / cf / SQRT_2PI;
        }
        return x > 0 ? 1 - tail : tail;
    }
}
