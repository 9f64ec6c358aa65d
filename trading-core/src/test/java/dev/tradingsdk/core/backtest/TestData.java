package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/** Instruments and resource files shared by the backtest tests. */
final class TestData {

    static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    static final Instrument ETH = Instrument.builder("ETH-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

    private TestData() {
    }

    static Path path(String name) {
        try {
            return Path.of(Objects.requireNonNull(TestData.class.getResource("/data/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reader reader(String name) {
        return new InputStreamReader(Objects.requireNonNull(TestData.class.getResourceAsStream("/data/" + name),
                name), StandardCharsets.UTF_8);
    }

    static String text(String name) {
        try (Reader r = reader(name)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
