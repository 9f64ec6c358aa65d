package dev.tradingsdk.cfd;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maximum leverage per instrument ({@code L} in {@code L:1}): an override for the instrument's underlying if one
 * is set, else a default for its asset class. Immutable; derive changed copies with the {@code with...} methods.
 *
 * <p>{@link #esmaRetail()} holds the ESMA retail limits: 30:1 for major FX pairs (two of USD, EUR, JPY, GBP, CAD,
 * CHF), 20:1 for other FX, gold and major indices, 10:1 for other commodities and other indices, 5:1 for
 * equities and 2:1 for crypto. Major pairs are recognized from six-letter symbols; gold and the major indices
 * from the underlying names listed in {@link #GOLD} and {@link #MAJOR_INDICES}.
 */
public final class LeverageLimits {

    /** Underlying names treated as gold. */
    public static final Set<String> GOLD = Set.of("XAU", "XAUUSD", "GOLD", "GC", "GC=F");
    /** Underlying names treated as major indices. */
    public static final Set<String> MAJOR_INDICES = Set.of("US500", "SPX", "SP500", "US30", "DJI", "US100", "NDX",
            "NAS100", "UK100", "FTSE", "DE40", "DAX", "FR40", "CAC40", "JP225", "N225", "EU50", "STOXX50", "IT40",
            "ES35", "AU200", "CA60");
    private static final Set<String> MAJOR_CURRENCIES = Set.of("USD", "EUR", "JPY", "GBP", "CAD", "CHF");
    private static final int MAJOR_FX = 30;
    private static final int GOLD_AND_MAJOR_INDEX = 20;

    private final Map<AssetClass, Integer> byClass;
    private final Map<String, Integer> byUnderlying;
    private final boolean esmaSymbolRules;

    private LeverageLimits(Map<AssetClass, Integer> byClass, Map<String, Integer> byUnderlying,
                           boolean esmaSymbolRules) {
        this.byClass = byClass;
        this.byUnderlying = byUnderlying;
        this.esmaSymbolRules = esmaSymbolRules;
    }

    /** The ESMA retail limits described above. */
    public static LeverageLimits esmaRetail() {
        Map<AssetClass, Integer> byClass = new EnumMap<>(AssetClass.class);
        byClass.put(AssetClass.FX, 20);
        byClass.put(AssetClass.INDEX, 10);
        byClass.put(AssetClass.COMMODITY, 10);
        byClass.put(AssetClass.EQUITY, 5);
        byClass.put(AssetClass.CRYPTO, 2);
        return new LeverageLimits(byClass, Map.of(), true);
    }

    /** The same leverage for every asset class and no symbol rules. */
    public static LeverageLimits uniform(int leverage) {
        Map<AssetClass, Integer> byClass = new EnumMap<>(AssetClass.class);
        for (AssetClass assetClass : AssetClass.values()) {
            byClass.put(assetClass, checked("leverage", leverage));
        }
        return new LeverageLimits(byClass, Map.of(), false);
    }

    /** A copy with {@code leverage} as the default for {@code assetClass}. */
    public LeverageLimits withAssetClass(AssetClass assetClass, int leverage) {
        Map<AssetClass, Integer> copy = new EnumMap<>(byClass);
        copy.put(Objects.requireNonNull(assetClass, "assetClass"), checked("leverage for " + assetClass, leverage));
        return new LeverageLimits(copy, byUnderlying, esmaSymbolRules);
    }

    /** A copy with {@code leverage} for instruments on {@code underlying}, which takes precedence over all else. */
    public LeverageLimits withUnderlying(String underlying, int leverage) {
        Map<String, Integer> copy = new HashMap<>(byUnderlying);
        copy.put(key(underlying), checked("leverage for " + underlying, leverage));
        return new LeverageLimits(byClass, Map.copyOf(copy), esmaSymbolRules);
    }

    /** Maximum leverage for {@code instrument}; throws when its asset class has no limit (not tradable as a CFD). */
    public int leverageFor(Instrument instrument) {
        Integer override = byUnderlying.get(key(instrument.underlying()));
        if (override != null) {
            return override;
        }
        if (esmaSymbolRules) {
            String underlying = key(instrument.underlying());
            if (instrument.assetClass() == AssetClass.FX && isMajorPair(underlying)) {
                return MAJOR_FX;
            }
            if (instrument.assetClass() == AssetClass.COMMODITY && GOLD.contains(underlying)) {
                return GOLD_AND_MAJOR_INDEX;
            }
            if (instrument.assetClass() == AssetClass.INDEX && MAJOR_INDICES.contains(underlying)) {
                return GOLD_AND_MAJOR_INDEX;
            }
        }
        Integer byAssetClass = byClass.get(instrument.assetClass());
        if (byAssetClass == null) {
            throw new IllegalArgumentException("no leverage limit for asset class " + instrument.assetClass()
                    + " of " + instrument);
        }
        return byAssetClass;
    }

    private static boolean isMajorPair(String symbol) {
        String letters = symbol.replaceAll("[^A-Z]", "");
        return letters.length() == 6 && MAJOR_CURRENCIES.contains(letters.substring(0, 3))
                && MAJOR_CURRENCIES.contains(letters.substring(3)) && !letters.substring(0, 3)
                .equals(letters.substring(3));
    }

    private static String key(String underlying) {
        return Objects.requireNonNull(underlying, "underlying").toUpperCase(Locale.ROOT);
    }

    private static int checked(String field, int leverage) {
        if (leverage < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + leverage);
        }
        return leverage;
    }

    @Override
    public String toString() {
        return "LeverageLimits" + byClass + (byUnderlying.isEmpty() ? "" : " " + byUnderlying)
                + (esmaSymbolRules ? " +ESMA symbol rules" : "");
    }
}
