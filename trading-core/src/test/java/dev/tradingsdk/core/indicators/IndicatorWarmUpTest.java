package dev.tradingsdk.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndicatorWarmUpTest {

    @Test
    void noValueBeforeItIsDefinedNeverASilentZero() {
        RelativeStrengthIndex rsi = new RelativeStrengthIndex(14);
        for (int i = 0; i < 14; i++) {
            rsi.update(100 + i);
        }
        assertThat(rsi.isReady()).isFalse();
        assertThatThrownBy(rsi::value).isInstanceOf(IllegalStateException.class)
                .hasMessage("RSI(14) has no value yet: 14 of 15 inputs seen");
        rsi.update(120);
        assertThat(rsi.value()).isEqualTo(100.0);
        rsi.reset();
        assertThat(rsi.isReady()).isFalse();
        assertThat(rsi.updates()).isZero();

        Macd macd = Macd.standard();
        for (int i = 0; i < 26; i++) {
            macd.update(100 + Math.sin(i));
        }
        assertThat(macd.line()).isFinite();
        assertThatThrownBy(macd::signal).hasMessageContaining("MACD(12,26,9) has no value yet: 26 of 34");
    }

    @Test
    void aFlatWindowHasNoZScoreAndNoVolumeNoVwap() {
        RollingZScore z = new RollingZScore(3);
        z.update(5);
        z.update(5);
        z.update(5);
        assertThat(z.isReady()).isFalse();
        assertThatThrownBy(z::value).hasMessageContaining("no spread or no volume");
        z.update(8);
        assertThat(z.value()).isCloseTo((8 - 6) / Math.sqrt(2), within(1e-12));

        Vwap vwap = Vwap.anchored();
        vwap.update(10, 8, 9, 0);
        assertThat(vwap.isReady()).isFalse();
        vwap.update(12, 9, 12, 2);
        assertThat(vwap.value()).isEqualTo(11.0);
    }

    @Test
    void badInputsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new SimpleMovingAverage(0)).hasMessage("period must be at least 1, was 0");
        assertThatThrownBy(() -> new Macd(26, 12, 9)).hasMessage("fast 26 must be shorter than slow 12");
        assertThatThrownBy(() -> new SimpleMovingAverage(3).update(Double.NaN)).hasMessage("value must be finite, was NaN");
        assertThatThrownBy(() -> new RollingVolatility(3).update(0)).hasMessageContaining("price must be positive");
        assertThatThrownBy(() -> new AverageTrueRange(3).update(1, 2, 1.5)).hasMessage("high 1.0 is below low 2.0");
        assertThatThrownBy(() -> Vwap.rolling(3).update(2, 1, 1.5, -1)).hasMessageContaining("volume must be");
    }

    /** A million updates of a random walk near 50,000: the sliding variance stays within 1e-9 of a two-pass one. */
    @Test
    void slidingVarianceDoesNotDriftOverLongStreams() {
        BollingerBands bands = new BollingerBands(50, 2);
        double[] window = new double[50];
        SplittableRandom random = new SplittableRandom(7);
        double price = 50_000;
        for (int i = 0; i < 1_000_000; i++) {
            price += random.nextGaussian() * 50;
            bands.update(price);
            window[i % 50] = price;
        }
        double mean = 0;
        for (double x : window) {
            mean += x / 50;
        }
        double squares = 0;
        for (double x : window) {
            squares += (x - mean) * (x - mean);
        }
        double exact = Math.sqrt(squares / 50);
        assertThat(bands.middle()).isCloseTo(mean, within(mean * 1e-12));
        assertThat(bands.deviation()).isCloseTo(exact, within(exact * 1e-9));
    }
}
