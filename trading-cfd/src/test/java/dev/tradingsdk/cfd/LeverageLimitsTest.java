package dev.tradingsdk.cfd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import org.junit.jupiter.api.Test;

class LeverageLimitsTest {

    private static Instrument instrument(String symbol, AssetClass assetClass) {
        return Instrument.builder(symbol, Venue.SIM).assetClass(assetClass).quoteCurrency(Currency.USD)
                .pricePrecision(2).sizePrecision(0).build();
    }

    @Test
    void esmaRetailDefaults() {
        LeverageLimits esma = LeverageLimits.esmaRetail();
        assertThat(esma.leverageFor(instrument("EURUSD", AssetClass.FX))).isEqualTo(30);
        assertThat(esma.leverageFor(instrument("USD/JPY", AssetClass.FX))).isEqualTo(30);
        assertThat(esma.leverageFor(instrument("EURTRY", AssetClass.FX))).isEqualTo(20);
        assertThat(esma.leverageFor(instrument("XAUUSD", AssetClass.COMMODITY))).isEqualTo(20);
        assertThat(esma.leverageFor(instrument("XAGUSD", AssetClass.COMMODITY))).isEqualTo(10);
        assertThat(esma.leverageFor(instrument("US500", AssetClass.INDEX))).isEqualTo(20);
        assertThat(esma.leverageFor(instrument("HK50", AssetClass.INDEX))).isEqualTo(10);
        assertThat(esma.leverageFor(instrument("AAPL", AssetClass.EQUITY))).isEqualTo(5);
        assertThat(esma.leverageFor(instrument("BTCUSD", AssetClass.CRYPTO))).isEqualTo(2);
        assertThatThrownBy(() -> esma.leverageFor(instrument("AAPL240621C200", AssetClass.OPTION)))
                .hasMessageContaining("OPTION");
    }

    @Test
    void overridesAndCaps() {
        Instrument gold = Instrument.builder("GOLD-CFD", Venue.SIM).assetClass(AssetClass.COMMODITY)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).underlying("XAU").build();
        LeverageLimits limits = LeverageLimits.esmaRetail().withUnderlying("xau", 15)
                .withAssetClass(AssetClass.CRYPTO, 1);
        assertThat(limits.leverageFor(gold)).isEqualTo(15);
        assertThat(limits.leverageFor(instrument("ETHUSD", AssetClass.CRYPTO))).isEqualTo(1);
        assertThat(LeverageLimits.uniform(3).leverageFor(instrument("EURUSD", AssetClass.FX))).isEqualTo(3);
        // the account-wide maximum caps every instrument's leverage
        CfdTerms terms = CfdTerms.builder().maxLeverage(10).build();
        assertThat(terms.leverageFor(instrument("EURUSD", AssetClass.FX))).isEqualTo(10);
        assertThat(terms.leverageFor(instrument("AAPL", AssetClass.EQUITY))).isEqualTo(5);
        assertThatThrownBy(() -> LeverageLimits.uniform(0)).hasMessageContaining("leverage must be at least 1");
    }
}
