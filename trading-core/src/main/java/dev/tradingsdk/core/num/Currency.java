package dev.tradingsdk.core.num;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A currency or settlement asset and its usual precision (decimal places for display and settlement).
 * Money may carry more decimals than this precision while it is being computed.
 */
public record Currency(String code, int precision) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,12}");

    public static final Currency USD = new Currency("USD", 2);
    public static final Currency EUR = new Currency("EUR", 2);
    public static final Currency GBP = new Currency("GBP", 2);
    public static final Currency CHF = new Currency("CHF", 2);
    public static final Currency JPY = new Currency("JPY", 0);
    public static final Currency USDC = new Currency("USDC", 6);
    public static final Currency USDT = new Currency("USDT", 6);
    /** Polymarket's collateral token (pUSD), 6 decimals on chain. */
    public static final Currency PUSD = new Currency("PUSD", 6);
    public static final Currency BTC = new Currency("BTC", 8);
    public static final Currency ETH = new Currency("ETH", 9);

    private static final Map<String, Currency> KNOWN = Map.of(
            "USD", USD, "EUR", EUR, "GBP", GBP, "CHF", CHF, "JPY", JPY,
            "USDC", USDC, "USDT", USDT, "PUSD", PUSD, "BTC", BTC, "ETH", ETH);

    public Currency {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("currency code must be 2-12 upper-case letters or digits, was \""
                    + code + "\"");
        }
        FixedMath.checkPrecision(precision);
    }

    /** A well-known currency by code, e.g. {@code "USD"}; use the constructor for others. */
    public static Currency of(String code) {
        Currency currency = KNOWN.get(code);
        if (currency == null) {
            throw new IllegalArgumentException("unknown currency \"" + code
                    + "\"; create it with new Currency(code, precision)");
        }
        return currency;
    }

    @Override
    public String toString() {
        return code;
    }
}
