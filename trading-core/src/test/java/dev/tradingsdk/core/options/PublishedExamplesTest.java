package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.instrument.OptionRight.CALL;
import static dev.tradingsdk.core.instrument.OptionRight.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Worked examples from two independent textbooks, to the decimals they print.
 *
 * <ul>
 *   <li>Hull: J. C. Hull, "Options, Futures, and Other Derivatives" (9th ed., Pearson 2015): the worked
 *       examples of the chapters on the Black-Scholes-Merton model, options on stock indices, futures options
 *       and the Greek letters.</li>
 *   <li>Haug: E. G. Haug, "The Complete Guide to Option Pricing Formulas" (2nd ed., McGraw-Hill 2007),
 *       chapter 1 (Black-Scholes-Merton, Black-76 and the generalized formula's greeks), where b is the cost of
 *       carry: b = r − q for a spot with yield q, b = 0 for a future.</li>
 * </ul>
 */
class PublishedExamplesTest {

    private final Greeks g = new Greeks();

    @Test
    void hullBlackScholesMertonStockOption() {
        // S0 = 42, K = 40, r = 10%, σ = 20%, T = 0.5: c = 4.76, p = 0.81.
        assertThat(BlackScholesMerton.greeks(CALL, 42, 40, 0.5, 0.10, 0, 0.20, g).price()).isCloseTo(4.76,
                within(0.005));
        assertThat(BlackScholesMerton.greeks(PUT, 42, 40, 0.5, 0.10, 0, 0.20, g).price()).isCloseTo(0.81,
                within(0.005));
    }

    @Test
    void hullIndexOptionWithADividendYield() {
        // Index 930, K = 900, r = 8%, q = 3%, σ = 20%, two months: c = 51.83.
        assertThat(BlackScholesMerton.greeks(CALL, 930, 900, 2.0 / 12, 0.08, 0.03, 0.20, g).price())
                .isCloseTo(51.83, within(0.005));
    }

    @Test
    void hullBlackModelFuturesPut() {
        // Crude oil futures put: F0 = K = 20, r = 9%, σ = 25%, four months: p = 1.12.
        assertThat(Black76.greeks(PUT, 20, 20, 4.0 / 12, 0.09, 0.25, g).price()).isCloseTo(1.12, within(0.005));
    }

    @Test
    void hullGreekLettersOfTheTwentyWeekCall() {
        // S0 = 49, K = 50, r = 5%, σ = 20%, T = 20 weeks = 0.3846: price 2.40, delta 0.522, gamma 0.066,
        // theta −4.31 a year, vega 12.1 per unit of volatility, rho 8.91 per unit of rate.
        BlackScholesMerton.greeks(CALL, 49, 50, 0.3846, 0.05, 0, 0.20, g);
        assertThat(g.price()).isCloseTo(2.40, within(0.005));
        assertThat(g.delta()).isCloseTo(0.522, within(0.0005));
        assertThat(g.gamma()).isCloseTo(0.066, within(0.0005));
        assertThat(g.theta()).isCloseTo(-4.31, within(0.005));
        assertThat(g.vega()).isCloseTo(12.1, within(0.05));
        assertThat(g.rho()).isCloseTo(8.91, within(0.005));
    }

    @Test
    void haugBlack76OptionOnAFuture() {
        // F = 19, K = 19, T = 0.75, r = 10%, σ = 28%: call = put = 1.7011.
        assertThat(Black76.greeks(CALL, 19, 19, 0.75, 0.10, 0.28, g).price()).isCloseTo(1.7011, within(0.00005));
        assertThat(Black76.greeks(PUT, 19, 19, 0.75, 0.10, 0.28, g).price()).isCloseTo(1.7011, within(0.00005));
    }

    @Test
    void haugBlackScholesMertonPrices() {
        // S = 60, K = 65, T = 0.25, r = 8%, no dividend, σ = 30%: call 2.1334.
        assertThat(BlackScholesMerton.greeks(CALL, 60, 65, 0.25, 0.08, 0, 0.30, g).price()).isCloseTo(2.1334,
                within(0.00005));
        // Merton: S = 100, K = 95, T = 0.5, r = 10%, q = 5%, σ = 20%: put 2.4648.
        assertThat(BlackScholesMerton.greeks(PUT, 100, 95, 0.5, 0.10, 0.05, 0.20, g).price()).isCloseTo(2.4648,
                within(0.00005));
    }

    @Test
    void haugGreeksOfTheGeneralizedFormula() {
        // Delta of a futures option: F = 105, K = 100, T = 0.5, r = 10%, b = 0, σ = 36%: call 0.5946, put −0.3566.
        assertThat(Black76.greeks(CALL, 105, 100, 0.5, 0.10, 0.36, g).delta()).isCloseTo(0.5946, within(0.00005));
        assertThat(Black76.greeks(PUT, 105, 100, 0.5, 0.10, 0.36, g).delta()).isCloseTo(-0.3566, within(0.00005));
        // Gamma: S = 55, K = 60, T = 0.75, r = b = 10%, σ = 30%: 0.0278 for both rights.
        assertThat(BlackScholesMerton.greeks(CALL, 55, 60, 0.75, 0.10, 0, 0.30, g).gamma()).isCloseTo(0.0278,
                within(0.00005));
        assertThat(BlackScholesMerton.greeks(PUT, 55, 60, 0.75, 0.10, 0, 0.30, g).gamma()).isCloseTo(0.0278,
                within(0.00005));
        // Theta of a put: S = 430, K = 405, T = 0.0833, r = 7%, b = 2% (q = 5%), σ = 20%: −31.1924.
        assertThat(BlackScholesMerton.greeks(PUT, 430, 405, 0.0833, 0.07, 0.05, 0.20, g).theta()).isCloseTo(-31.1924,
                within(0.00005));
        // Rho of a call: S = 72, K = 75, T = 1, r = b = 9%, σ = 19%: 38.7325.
        assertThat(BlackScholesMerton.greeks(CALL, 72, 75, 1, 0.09, 0, 0.19, g).rho()).isCloseTo(38.7325,
                within(0.00005));
    }
}
