package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.instrument.OptionRight.CALL;
import static dev.tradingsdk.core.instrument.OptionRight.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.options.internal.NormalDistribution;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties every correct pricer has, over seeded random inputs: put-call parity, greeks equal to central
 * finite differences of the price, and the limits at expiry, deep in or out of the money and at vanishing
 * volatility.
 */
class ModelPropertiesTest {

    private static final int CASES = 2_000;

    /** One random market: spot or future, strike, years, rate, dividend yield, volatility. */
    private record Market(double s, double k, double t, double r, double q, double sigma) {

        static Market random(Random random) {
            double s = 10 + random.nextDouble() * 4990;
            double k = s * Math.exp((random.nextDouble() - 0.5) * 0.8);
            double t = 0.02 + random.nextDouble() * 3;
            double r = -0.01 + random.nextDouble() * 0.1;
            double q = random.nextDouble() * 0.06;
            double sigma = 0.05 + random.nextDouble() * 0.95;
            return new Market(s, k, t, r, q, sigma);
        }
    }

    private static double b76(OptionRight right, Market m, double f, double t, double r, double sigma) {
        return Black76.price(right, f, m.k, t, r, sigma);
    }

    private static double bsm(OptionRight right, Market m, double s, double t, double r, double sigma) {
        return BlackScholesMerton.price(right, s, m.k, t, r, m.q, sigma);
    }

    @Test
    void putCallParityHoldsForBothModels() {
        Random random = new Random(20261201L);
        for (int i = 0; i < CASES; i++) {
            Market m = Market.random(random);
            double scale = Math.max(m.s, m.k);
            // Black-76: c − p = e^(−rT)(F − K).
            double c = b76(CALL, m, m.s, m.t, m.r, m.sigma);
            double p = b76(PUT, m, m.s, m.t, m.r, m.sigma);
            assertThat(c - p).as("Black-76 %s", m).isCloseTo(Math.exp(-m.r * m.t) * (m.s - m.k), within(1e-11 * scale));
            // BSM: c − p = S e^(−qT) − K e^(−rT).
            c = bsm(CALL, m, m.s, m.t, m.r, m.sigma);
            p = bsm(PUT, m, m.s, m.t, m.r, m.sigma);
            assertThat(c - p).as("BSM %s", m)
                    .isCloseTo(m.s * Math.exp(-m.q * m.t) - m.k * Math.exp(-m.r * m.t), within(1e-11 * scale));
        }
    }

    @Test
    void greeksAreTheDerivativesOfThePrice() {
        Random random = new Random(7L);
        Greeks g = new Greeks();
        for (int i = 0; i < CASES; i++) {
            Market m = Market.random(random);
            OptionRight right = random.nextBoolean() ? CALL : PUT;
            double hs = m.s * 1e-5;
            double hg = m.s * 1e-4;
            double ht = 1e-5;
            double hr = 1e-5;
            double hv = 1e-5;
            String label = right + " " + m;

            Black76.greeks(right, m.s, m.k, m.t, m.r, m.sigma, g);
            double delta = (b76(right, m, m.s + hs, m.t, m.r, m.sigma) - b76(right, m, m.s - hs, m.t, m.r, m.sigma))
                    / (2 * hs);
            double gamma = (b76(right, m, m.s + hg, m.t, m.r, m.sigma) - 2 * g.price()
                    + b76(right, m, m.s - hg, m.t, m.r, m.sigma)) / (hg * hg);
            double vega = (b76(right, m, m.s, m.t, m.r, m.sigma + hv) - b76(right, m, m.s, m.t, m.r, m.sigma - hv))
                    / (2 * hv);
            double theta = -(b76(right, m, m.s, m.t + ht, m.r, m.sigma) - b76(right, m, m.s, m.t - ht, m.r, m.sigma))
                    / (2 * ht);
            double rho = (b76(right, m, m.s, m.t, m.r + hr, m.sigma) - b76(right, m, m.s, m.t, m.r - hr, m.sigma))
                    / (2 * hr);
            assertGreeks("Black-76 " + label, g, m, delta, gamma, vega, theta, rho);

            BlackScholesMerton.greeks(right, m.s, m.k, m.t, m.r, m.q, m.sigma, g);
            delta = (bsm(right, m, m.s + hs, m.t, m.r, m.sigma) - bsm(right, m, m.s - hs, m.t, m.r, m.sigma))
                    / (2 * hs);
            gamma = (bsm(right, m, m.s + hg, m.t, m.r, m.sigma) - 2 * g.price()
                    + bsm(right, m, m.s - hg, m.t, m.r, m.sigma)) / (hg * hg);
            vega = (bsm(right, m, m.s, m.t, m.r, m.sigma + hv) - bsm(right, m, m.s, m.t, m.r, m.sigma - hv))
                    / (2 * hv);
            theta = -(bsm(right, m, m.s, m.t + ht, m.r, m.sigma) - bsm(right, m, m.s, m.t - ht, m.r, m.sigma))
                    / (2 * ht);
            rho = (bsm(right, m, m.s, m.t, m.r + hr, m.sigma) - bsm(right, m, m.s, m.t, m.r - hr, m.sigma))
                    / (2 * hr);
            assertGreeks("BSM " + label, g, m, delta, gamma, vega, theta, rho);
        }
    }

    private static void assertGreeks(String label, Greeks g, Market m, double delta, double gamma, double vega,
                                     double theta, double rho) {
        // Tolerances from the difference steps: truncation O(h²) plus rounding of prices of size ~S.
        double scale = Math.max(m.s, m.k);
        assertThat(g.delta()).as("delta %s", label).isCloseTo(delta, within(1e-6));
        assertThat(g.gamma()).as("gamma %s", label).isCloseTo(gamma, within(1e-4 / m.s + 1e-2 * Math.abs(gamma)));
        assertThat(g.vega()).as("vega %s", label).isCloseTo(vega, within(1e-6 * scale));
        assertThat(g.theta()).as("theta %s", label).isCloseTo(theta, within(1e-5 * scale));
        assertThat(g.rho()).as("rho %s", label).isCloseTo(rho, within(1e-6 * scale));
    }

    @Test
    void atExpiryTheOptionIsWorthItsIntrinsicValue() {
        Greeks g = new Greeks();
        Black76.greeks(CALL, 105, 100, 0, 0.05, 0.3, g);
        assertThat(g.price()).isEqualTo(5.0);
        assertThat(g.delta()).isEqualTo(1.0);
        assertThat(g.gamma()).isZero();
        assertThat(g.vega()).isZero();
        assertThat(g.rho()).isZero();
        Black76.greeks(PUT, 105, 100, 0, 0.05, 0.3, g);
        assertThat(g.price()).isZero();
        assertThat(g.delta()).isZero();
        BlackScholesMerton.greeks(PUT, 95, 100, 0, 0.05, 0.02, 0.3, g);
        assertThat(g.price()).isEqualTo(5.0);
        assertThat(g.delta()).isEqualTo(-1.0);
        // Exactly at the money at expiry: worth nothing, delta halfway.
        Black76.greeks(CALL, 100, 100, 0, 0.05, 0.3, g);
        assertThat(g.price()).isZero();
        assertThat(g.delta()).isEqualTo(0.5);
    }

    @Test
    void expiringTodayIsContinuousWithExpiry() {
        // One hour left on an at-the-money future option: price ≈ 0.4·F·σ·√T, delta ≈ 1/2, gamma large but finite.
        Greeks g = new Greeks();
        double t = 1.0 / (365 * 24);
        Black76.greeks(CALL, 5000, 5000, t, 0.05, 0.2, g);
        assertThat(g.price()).isCloseTo(0.3989422804 * 5000 * 0.2 * Math.sqrt(t), within(0.01));
        assertThat(g.delta()).isCloseTo(0.5, within(0.001));
        assertThat(g.gamma()).isFinite().isPositive();
        assertThat(g.theta()).isNegative();
        // Out of the money by ten points an hour before expiry: nearly worthless, nearly no delta.
        Black76.greeks(CALL, 4990, 5000, t, 0.05, 0.2, g);
        assertThat(g.price()).isBetween(0.0, 2.0);
        assertThat(g.delta()).isBetween(0.0, 0.5);
    }

    @Test
    void deepInAndOutOfTheMoneyReachTheirLimitsWithoutNaN() {
        Greeks g = new Greeks();
        double disc = Math.exp(-0.05);
        Black76.greeks(CALL, 1000, 10, 1, 0.05, 0.2, g);
        assertThat(g.price()).isCloseTo(disc * 990, within(1e-9));
        assertThat(g.delta()).isCloseTo(disc, within(1e-15));
        assertThat(g.gamma()).isCloseTo(0, within(1e-100));
        Black76.greeks(PUT, 1000, 10, 1, 0.05, 0.2, g);
        assertThat(g.price()).isNotNegative().isCloseTo(0, within(1e-100));
        assertThat(g.delta()).isNotPositive().isCloseTo(0, within(1e-100));
        Black76.greeks(CALL, 10, 1000, 1, 0.05, 0.2, g);
        assertThat(g.price()).isNotNegative().isCloseTo(0, within(1e-100));
        assertThat(g.vega()).isCloseTo(0, within(1e-100));
        BlackScholesMerton.greeks(PUT, 10, 1000, 1, 0.05, 0.01, 0.2, g);
        assertThat(g.price()).isCloseTo(1000 * disc - 10 * Math.exp(-0.01), within(1e-9));
        assertThat(g.delta()).isCloseTo(-Math.exp(-0.01), within(1e-15));
    }

    @Test
    void vanishingVolatilityConvergesToTheDeterministicValue() {
        Greeks g = new Greeks();
        double disc = Math.exp(-0.05 * 0.5);
        for (double sigma : new double[] {1e-4, 1e-8, 1e-12, 0}) {
            Black76.greeks(CALL, 102, 100, 0.5, 0.05, sigma, g);
            assertThat(g.price()).as("σ=%s", sigma).isCloseTo(disc * 2, within(1e-12));
            assertThat(g.delta()).as("σ=%s", sigma).isCloseTo(disc, within(1e-12));
            assertThat(g.gamma()).as("σ=%s", sigma).isZero();
            Black76.greeks(PUT, 102, 100, 0.5, 0.05, sigma, g);
            assertThat(g.price()).as("σ=%s", sigma).isCloseTo(0, within(1e-12));
        }
        // At the money vega keeps its limit F·e^(−rT)·√T/√(2π) as σ → 0.
        Black76.greeks(CALL, 100, 100, 0.5, 0.05, 0, g);
        assertThat(g.vega()).isCloseTo(100 * disc * Math.sqrt(0.5) / NormalDistribution.SQRT_2PI, within(1e-12));
        Black76.greeks(CALL, 100, 100, 0.5, 0.05, 1e-9, g);
        assertThat(g.vega()).isCloseTo(100 * disc * Math.sqrt(0.5) / NormalDistribution.SQRT_2PI, within(1e-6));
    }

    @Test
    void badInputsAreRefusedNamingTheInput() {
        Greeks g = new Greeks();
        assertThatThrownBy(() -> Black76.greeks(CALL, 0, 100, 1, 0.05, 0.2, g)).hasMessageContaining("underlying price");
        assertThatThrownBy(() -> Black76.greeks(CALL, 100, -1, 1, 0.05, 0.2, g)).hasMessageContaining("strike");
        assertThatThrownBy(() -> Black76.greeks(CALL, 100, 100, -1e-9, 0.05, 0.2, g)).hasMessageContaining("years");
        assertThatThrownBy(() -> Black76.greeks(CALL, 100, 100, 1, Double.NaN, 0.2, g)).hasMessageContaining("rate");
        assertThatThrownBy(() -> Black76.greeks(CALL, 100, 100, 1, 0.05, -0.2, g)).hasMessageContaining("volatility");
        assertThatThrownBy(() -> Black76.greeks(CALL, Double.NaN, 100, 1, 0.05, 0.2, g))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlackScholesMerton.greeks(PUT, 100, 100, 1, 0.05, Double.POSITIVE_INFINITY, 0.2, g))
                .hasMessageContaining("dividend yield");
    }

    @Test
    void normalDistributionMatchesTabulatedValues() {
        // Abramowitz and Stegun, table 26.1 (to the 15 digits printed there for x = 1, 2, 3).
        assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
        assertThat(NormalDistribution.cdf(1)).isCloseTo(0.841344746068543, within(1e-15));
        assertThat(NormalDistribution.cdf(2)).isCloseTo(0.977249868051821, within(1e-15));
        assertThat(NormalDistribution.cdf(-3)).isCloseTo(1 - 0.998650101968370, within(1e-15));
        // Deep tail, against the asymptotic series n(x)/x·(1 − 1/x² + 3/x⁴): relative accuracy is kept.
        double x = -10;
        double tail = NormalDistribution.density(x) / -x * (1 - 1 / (x * x) + 3 / Math.pow(x, 4) - 15 / Math.pow(x, 6));
        assertThat(NormalDistribution.cdf(x) / tail).isCloseTo(1, within(1e-4));
        assertThat(NormalDistribution.cdf(40)).isEqualTo(1.0);
    }
}
