package dev.tradingsdk.examples.cli;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Display of exact amounts: thousands separators and the currency's or instrument's precision. */
public final class Amounts {

    private Amounts() {
    }

    /** {@code 12,345.67 USD}: the currency's precision (cents for USD), half-even. */
    public static String money(Money m) {
        return grouped(m.toBigDecimal(), m.currency().precision()) + " " + m.currency();
    }

    /** A price at its instrument's precision: {@code 64,012.50} for BTC, {@code 1.08515} for EUR/USD. */
    public static String price(Instrument instrument, Price p) {
        return grouped(p.toBigDecimal(), instrument.pricePrecision());
    }

    /** A decimal at {@code scale} places with thousands separators. */
    public static String grouped(BigDecimal value, int scale) {
        DecimalFormat f = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
            DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(value.setScale(scale, RoundingMode.HALF_EVEN));
    }
}
