package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.instrument.OptionRight.CALL;
import static dev.tradingsdk.core.instrument.OptionRight.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.options.ImpliedVolatilityException.Reason;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImpliedVolatilityTest {

    @Test
    void recoversTheVolatilityOfHullsAndHaugsExamples() {
        // Haug's Black-76 example priced at 1.7011 comes from σ = 28%; Hull's futures put at 1.12 from 25%.
        double c = Black76.price(CALL, 19, 19, 0.75, 0.10, 0.28);
        assertThat(ImpliedVolatility.black76(CALL, c, 19, 19, 0.75, 0.10)).isCloseTo(0.28, within(1e-12));
        assertThat(ImpliedVolatility.black76(PUT, 1.1166, 20, 20, 4.0 / 12, 0.09)).isCloseTo(0.25, within(2e-4));
        // Hull's 4.76 call on a stock at 42 implies about 20%.
        assertThat(ImpliedVolatility.blackScholesMerton(CALL, 4.76, 42, 40, 0.5, 0.10, 0)).isCloseTo(0.20,
                within(1e-3));
    }

    @Test
    void roundTripsOverSeededRandomMarkets() {
        Random random = new Random(13L);
        for (int i = 0; i < 2_000; i++) {
            double f = 10 + random.nextDouble() * 5000;
            double k = f * Math.exp((random.nextDouble() - 0.5) * 0.6);
            double t = 0.01 + random.nextDouble() * 2;
            double r = random.nextDouble() * 0.08;
            double q = random.nextDouble() * 0.04;
            double sigma = 0.03 + random.nextDouble() * 1.5;
            OptionRight right = random.nextBoolean() ? CALL : PUT;
            double price = Black76.price(right, f, k, t, r, sigma);
            double lower = Black76.price(right, f, k, t, r, 0);
            // Below ~1e-9 of the option's scale the price no longer pins the volatility down in double precision.
            if (price - lower < 1e-9 * f) {
                continue;
            }
            assertThat(ImpliedVolatility.black76(right, price, f, k, t, r)).as("%s F=%s K=%s T=%s", right, f, k, t)
                    .isCloseTo(sigma, within(1e-6));
            price = BlackScholesMerton.price(right, f, k, t, r, q, sigma);
            lower = BlackScholesMerton.price(right, f, k, t, r, q, 0);
            if (price - lower < 1e-9 * f) {
                continue;
            }
            assertThat(ImpliedVolatility.blackScholesMerton(right, price, f, k, t, r, q)).isCloseTo(sigma,
                    within(1e-6));
        }
    }

    @Test
    void aPriceBelowTheDiscountedIntrinsicValueIsRefused() {
        // The call's lower bound is e^(−0.05)·(110 − 100) = 9.5123.
        ImpliedVolatilityException e = catchThrowableOfType(
                () -> ImpliedVolatility.black76(CALL, 9.5, 110, 100, 1, 0.05), ImpliedVolatilityException.class);
        assertThat(e.reason()).isEqualTo(Reason.BELOW_LOWER_BOUND);
        assertThat(e.price()).isEqualTo(9.5);
        assertThat(e.lowerBound()).isCloseTo(10 * Math.exp(-0.05), within(1e-12));
        assertThat(e.getMessage()).contains("9.5", "BELOW_LOWER_BOUND");
    }

    @Test
    void aPriceAtOrAboveTheUpperBoundIsRefused() {
        // A call is worth less than the discounted future; a put less than the discounted strike.
        ImpliedVolatilityException call = catchThrowableOfType(
                () -> ImpliedVolatility.black76(CALL, 100 * Math.exp(-0.05), 100, 90, 1, 0.05),
                ImpliedVolatilityException.class);
        assertThat(call.reason()).isEqualTo(Reason.AT_OR_ABOVE_UPPER_BOUND);
        assertThat(call.upperBound()).isCloseTo(100 * Math.exp(-0.05), within(1e-12));
        ImpliedVolatilityException put = catchThrowableOfType(
                () -> ImpliedVolatility.blackScholesMerton(PUT, 120, 100, 110, 1, 0.05, 0.01),
                ImpliedVolatilityException.class);
        assertThat(put.reason()).isEqualTo(Reason.AT_OR_ABOVE_UPPER_BOUND);
    }

    @Test
    void anExpiredOptionOrAVolatilityBeyondTheRangeIsRefused() {
        assertThat(catchThrowableOfType(() -> ImpliedVolatility.black76(CALL, 1, 100, 100, 0, 0.05),
                ImpliedVolatilityException.class).reason()).isEqualTo(Reason.EXPIRED);
        // At σ = 1000% an at-the-money one-year call is worth 99.99994% of the discounted future.
        double nearlyAll = 0.99999999 * 100 * Math.exp(-0.05);
        assertThat(catchThrowableOfType(() -> ImpliedVolatility.black76(CALL, nearlyAll, 100, 100, 1, 0.05),
                ImpliedVolatilityException.class).reason()).isEqualTo(Reason.ABOVE_MAX_VOLATILITY);
        assertThatThrownBy(() -> ImpliedVolatility.black76(CALL, Double.NaN, 100, 100, 1, 0.05))
                .hasMessageContaining("option price");
    }

    @Test
    void aPriceAtTheLowerBoundImpliesZeroVolatility() {
        double intrinsic = Black76.price(CALL, 110, 100, 1, 0.05, 0);
        assertThat(ImpliedVolatility.black76(CALL, intrinsic, 110, 100, 1, 0.05)).isZero();
    }
}
