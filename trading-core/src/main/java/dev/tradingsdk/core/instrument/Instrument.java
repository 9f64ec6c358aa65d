package dev.tradingsdk.core.instrument;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Notional;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/**
 * A tradable instrument and the grid its prices and sizes live on.
 *
 * <p>Prices are at {@link #pricePrecision()} decimals and must be multiples of {@link #tickSize()}; sizes are
 * at {@link #sizePrecision()} decimals, multiples of {@link #lotSize()} and at least {@link #minSize()}.
 * Off-grid values are rejected by validation, never silently rounded: strategies round explicitly with
 * {@link #roundPrice(BigDecimal, RoundingMode)} and {@link #roundSize(BigDecimal, RoundingMode)}.
 * Immutable; build with {@link #builder(String, Venue)}.
 *
 * <p>A futures contract carries {@link FutureTerms} ({@link Builder#future}) and an option {@link OptionTerms}
 * ({@link Builder#option}); both need an expiry, and a definition built for trading
 * ({@link Builder#tradableAt}) must not have expired.
 */
public final class Instrument {

    private final InstrumentId id;
    private final AssetClass assetClass;
    private final Currency quoteCurrency;
    private final int pricePrecision;
    private final int sizePrecision;
    private final Price tickSize;
    private final Quantity lotSize;
    private final Quantity minSize;
    private final Quantity multiplier;
    private final Instant expiry;
    private final String underlying;
    private final FutureTerms future;
    private final OptionTerms option;

    private Instrument(Builder b) {
        String name = (b.symbol == null ? "?" : b.symbol) + "." + (b.venue == null ? "?" : b.venue.name());
        if (b.symbol == null || b.symbol.isBlank()) {
            throw new InvalidInstrumentException(name, "symbol", "\"" + b.symbol + "\"", "must not be blank");
        }
        if (b.venue == null) {
            throw new InvalidInstrumentException(name, "venue", null, "is required");
        }
        this.id = new InstrumentId(b.symbol, b.venue);
        this.assetClass = require(b.assetClass, "assetClass");
        this.quoteCurrency = require(b.quoteCurrency, "quoteCurrency");
        this.pricePrecision = checkPrecision("pricePrecision", b.pricePrecision);
        this.sizePrecision = checkPrecision("sizePrecision", b.sizePrecision);
        this.tickSize = b.tickSize != null ? parse("tickSize", b.tickSize, Price::of)
                : Price.ofRaw(1, pricePrecision);
        this.lotSize = b.lotSize != null ? parse("lotSize", b.lotSize, Quantity::of)
                : Quantity.ofRaw(1, sizePrecision);
        this.minSize = b.minSize != null ? parse("minSize", b.minSize, Quantity::of) : this.lotSize;
        this.multiplier = b.multiplier != null ? parse("multiplier", b.multiplier, Quantity::of)
                : Quantity.ofUnits(1, 0);
        this.expiry = b.expiry;
        this.underlying = b.underlying != null ? b.underlying
                : b.optionUnderlying != null ? b.optionUnderlying.underlying() : b.symbol;
        if (tickSize.signum() <= 0) {
            throw new InvalidInstrumentException(id, "tickSize", tickSize, "must be positive");
        }
        if (!fits(tickSize.toBigDecimal(), pricePrecision)) {
            throw new InvalidInstrumentException(id, "tickSize", tickSize,
                    "has more decimals than pricePrecision " + pricePrecision);
        }
        if (lotSize.isZero()) {
            throw new InvalidInstrumentException(id, "lotSize", lotSize, "must be positive");
        }
        if (!fits(lotSize.toBigDecimal(), sizePrecision)) {
            throw new InvalidInstrumentException(id, "lotSize", lotSize,
                    "has more decimals than sizePrecision " + sizePrecision);
        }
        if (minSize.isZero() || !isOnLot(minSize)) {
            throw new InvalidInstrumentException(id, "minSize", minSize,
                    "must be a positive multiple of lotSize " + lotSize);
        }
        if (multiplier.isZero()) {
            throw new InvalidInstrumentException(id, "multiplier", multiplier, "must be positive");
        }
        if (underlying.isBlank()) {
            throw new InvalidInstrumentException(id, "underlying", "\"" + underlying + "\"", "must not be blank");
        }
        boolean isFuture = b.contractMonth != null || b.lastTradeDate != null;
        boolean isOption = b.optionUnderlying != null || b.right != null || b.strike != null;
        if (isFuture && isOption) {
            throw new InvalidInstrumentException(id, "future", b.contractMonth, "conflicts with the option terms "
                    + "(strike " + b.strike + "): an instrument is a future or an option, not both");
        }
        this.future = isFuture ? futureTerms(b) : null;
        this.option = isOption ? optionTerms(b) : null;
        if (b.tradableAt != null && expiry != null && !expiry.isAfter(b.tradableAt)) {
            throw new InvalidInstrumentException(id, "expiry", expiry, "is not after " + b.tradableAt
                    + ": the contract cannot be traded any more");
        }
    }

    private FutureTerms futureTerms(Builder b) {
        requireAssetClass(AssetClass.FUTURE, "future");
        YearMonth month = require(b.contractMonth, "contractMonth");
        LocalDate lastTrade = require(b.lastTradeDate, "lastTradeDate");
        Instant end = requireExpiry();
        if (lastTrade.isAfter(month.atEndOfMonth())) {
            throw new InvalidInstrumentException(id, "lastTradeDate", lastTrade, "is after contract month " + month);
        }
        // One day of slack either way: the expiry is an instant, the last trade date is in the exchange's zone.
        LocalDate endDate = LocalDate.ofInstant(end, ZoneOffset.UTC);
        if (Math.abs(endDate.toEpochDay() - lastTrade.toEpochDay()) > 1) {
            throw new InvalidInstrumentException(id, "lastTradeDate", lastTrade, "is more than a day from expiry "
                    + end);
        }
        return new FutureTerms(month, lastTrade, exchange(b));
    }

    private OptionTerms optionTerms(Builder b) {
        requireAssetClass(AssetClass.OPTION, "option");
        Instrument on = require(b.optionUnderlying, "optionUnderlying");
        OptionRight right = require(b.right, "right");
        ExerciseStyle style = require(b.style, "exerciseStyle");
        Instant end = requireExpiry();
        if (on.option != null) {
            throw new InvalidInstrumentException(id, "optionUnderlying", on, "is itself an option");
        }
        if (!on.quoteCurrency.equals(quoteCurrency)) {
            throw new InvalidInstrumentException(id, "quoteCurrency", quoteCurrency, "differs from the underlying "
                    + on + " quoted in " + on.quoteCurrency);
        }
        if (b.underlying != null && !b.underlying.equals(on.underlying)) {
            throw new InvalidInstrumentException(id, "underlying", "\"" + b.underlying + "\"",
                    "conflicts with optionUnderlying " + on + " whose underlying is \"" + on.underlying + "\"");
        }
        if (on.expiry != null && end.isAfter(on.expiry)) {
            throw new InvalidInstrumentException(id, "expiry", end, "is after the underlying " + on
                    + " expires at " + on.expiry);
        }
        Price strike = on.parse(id, "strike", require(b.strike, "strike"));
        Price grid = b.strikeIncrement == null ? on.tickSize : on.parse(id, "strikeIncrement", b.strikeIncrement);
        if (grid.signum() <= 0) {
            throw new InvalidInstrumentException(id, "strikeIncrement", grid, "must be positive");
        }
        if (strike.signum() <= 0) {
            throw new InvalidInstrumentException(id, "strike", strike, "must be positive");
        }
        if (strike.rawAt(on.pricePrecision) % grid.rawAt(on.pricePrecision) != 0) {
            throw new InvalidInstrumentException(id, "strike", strike, "is not on the strike grid of " + grid);
        }
        String tradingClass = b.tradingClass != null ? b.tradingClass : underlying;
        if (tradingClass.isBlank()) {
            throw new InvalidInstrumentException(id, "tradingClass", "\"" + tradingClass + "\"", "must not be blank");
        }
        return new OptionTerms(on, strike, right, style, grid, exchange(b), tradingClass);
    }

    /** {@code text} as a price at this instrument's precision, for a field of the {@code owner} definition. */
    private Price parse(InstrumentId owner, String field, String text) {
        try {
            return Price.of(text, pricePrecision);
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrumentException(owner, field, "\"" + text + "\"", "is not a price at the "
                    + pricePrecision + " decimals of " + id + ": " + e.getMessage());
        }
    }

    private void requireAssetClass(AssetClass wanted, String terms) {
        if (assetClass != wanted) {
            throw new InvalidInstrumentException(id, "assetClass", assetClass, "must be " + wanted + " for "
                    + terms + " terms");
        }
    }

    private Instant requireExpiry() {
        if (expiry == null) {
            throw new InvalidInstrumentException(id, "expiry", null, "is required for " + assetClass);
        }
        return expiry;
    }

    private String exchange(Builder b) {
        String exchange = b.exchange != null ? b.exchange : id.venue().name();
        if (exchange.isBlank()) {
            throw new InvalidInstrumentException(id, "exchange", "\"" + exchange + "\"", "must not be blank");
        }
        return exchange;
    }

    private <T> T parse(String field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrumentException(id, field, "\"" + text + "\"", "is not a valid decimal: "
                    + e.getMessage());
        }
    }

    private static boolean fits(BigDecimal value, int precision) {
        return value.stripTrailingZeros().scale() <= precision;
    }

    private <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidInstrumentException(id, field, null, "is required");
        }
        return value;
    }

    private int checkPrecision(String field, int precision) {
        if (precision < 0 || precision > FixedMath.MAX_PRECISION) {
            throw new InvalidInstrumentException(id, field, precision < 0 ? "(not set)" : precision,
                    "must be in 0.." + FixedMath.MAX_PRECISION);
        }
        return precision;
    }

    public static Builder builder(String symbol, Venue venue) {
        return new Builder(symbol, venue);
    }

    public InstrumentId id() {
        return id;
    }

    public String symbol() {
        return id.symbol();
    }

    public Venue venue() {
        return id.venue();
    }

    public AssetClass assetClass() {
        return assetClass;
    }

    public Currency quoteCurrency() {
        return quoteCurrency;
    }

    public int pricePrecision() {
        return pricePrecision;
    }

    public int sizePrecision() {
        return sizePrecision;
    }

    public Price tickSize() {
        return tickSize;
    }

    public Quantity lotSize() {
        return lotSize;
    }

    public Quantity minSize() {
        return minSize;
    }

    /** Contract multiplier: notional = price × size × multiplier. 1 for spot and most CFDs. */
    public Quantity multiplier() {
        return multiplier;
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiry);
    }

    /** The expiry or {@code null}: the allocation-free form of {@link #expiry()} for hot paths. */
    public Instant expiryOrNull() {
        return expiry;
    }

    /** The underlying symbol, for aggregating exposure across derivatives; the symbol itself by default. */
    public String underlying() {
        return underlying;
    }

    /** The futures terms, when this is a futures contract built with {@link Builder#future}. */
    public Optional<FutureTerms> future() {
        return Optional.ofNullable(future);
    }

    /** The option terms, when this is an option built with {@link Builder#option}. */
    public Optional<OptionTerms> option() {
        return Optional.ofNullable(option);
    }

    /** The option terms or {@code null}: the allocation-free form of {@link #option()} for hot paths. */
    public OptionTerms optionOrNull() {
        return option;
    }

    /** What one tick is worth on one contract: tick size × multiplier, in the quote currency. */
    public Money tickValue() {
        return notional(tickSize, Quantity.ofUnits(1, sizePrecision));
    }

    /** Tick size as a raw value at {@link #pricePrecision()}. */
    public long tickRaw() {
        return tickSize.rawAt(pricePrecision);
    }

    /** Lot size as a raw value at {@link #sizePrecision()}. */
    public long lotRaw() {
        return lotSize.rawAt(sizePrecision);
    }

    /** Parses a price at this instrument's precision; throws when off precision (not when off tick). */
    public Price price(String text) {
        return Price.of(text, pricePrecision);
    }

    /** Parses a size at this instrument's precision; throws when off precision (not when off lot). */
    public Quantity size(String text) {
        return Quantity.of(text, sizePrecision);
    }

    /** True when {@code price} has no more decimals than the precision and is a multiple of the tick. */
    public boolean isOnTick(Price price) {
        if (price.precision() > pricePrecision && !fits(price.toBigDecimal(), pricePrecision)) {
            return false;
        }
        try {
            return price.rawAt(pricePrecision) % tickRaw() == 0;
        } catch (ArithmeticException outOfRange) {
            // Not representable at the instrument's precision, so not on its grid either.
            return false;
        }
    }

    /** True when {@code size} has no more decimals than the precision and is a multiple of the lot. */
    public boolean isOnLot(Quantity size) {
        if (size.precision() > sizePrecision && !fits(size.toBigDecimal(), sizePrecision)) {
            return false;
        }
        try {
            return size.rawAt(sizePrecision) % lotRaw() == 0;
        } catch (ArithmeticException outOfRange) {
            return false;
        }
    }

    /** {@code value} rounded to a multiple of the tick with {@code mode}, at this instrument's precision. */
    public Price roundPrice(BigDecimal value, RoundingMode mode) {
        BigDecimal tick = tickSize.toBigDecimal();
        BigDecimal ticks = value.divide(tick, 0, mode);
        return Price.of(ticks.multiply(tick), pricePrecision, RoundingMode.UNNECESSARY);
    }

    /** {@code price} rounded to a multiple of the tick with {@code mode}. */
    public Price roundPrice(Price price, RoundingMode mode) {
        return roundPrice(price.toBigDecimal(), mode);
    }

    /** {@code value} rounded to a multiple of the lot with {@code mode}, at this instrument's precision. */
    public Quantity roundSize(BigDecimal value, RoundingMode mode) {
        BigDecimal lot = lotSize.toBigDecimal();
        BigDecimal lots = value.divide(lot, 0, mode);
        return Quantity.of(lots.multiply(lot), sizePrecision, RoundingMode.UNNECESSARY);
    }

    /** Notional value of {@code size} at {@code price}: price × size × multiplier, in the quote currency. */
    public Money notional(Price price, Quantity size) {
        return Notional.of(price, size, multiplier, quoteCurrency);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instrument other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id.toString();
    }

    /** Fluent builder; {@link #build()} validates the whole definition. */
    public static final class Builder {
        private final String symbol;
        private final Venue venue;
        private AssetClass assetClass;
        private Currency quoteCurrency;
        private int pricePrecision = -1;
        private int sizePrecision = -1;
        private String tickSize;
        private String lotSize;
        private String minSize;
        private String multiplier;
        private Instant expiry;
        private String underlying;
        private YearMonth contractMonth;
        private LocalDate lastTradeDate;
        private Instrument optionUnderlying;
        private OptionRight right;
        private String strike;
        private String strikeIncrement;
        private ExerciseStyle style;
        private String exchange;
        private String tradingClass;
        private Instant tradableAt;

        private Builder(String symbol, Venue venue) {
            this.symbol = symbol;
            this.venue = venue;
        }

        public Builder assetClass(AssetClass assetClass) {
            this.assetClass = assetClass;
            return this;
        }

        public Builder quoteCurrency(Currency quoteCurrency) {
            this.quoteCurrency = quoteCurrency;
            return this;
        }

        public Builder pricePrecision(int pricePrecision) {
            this.pricePrecision = pricePrecision;
            return this;
        }

        public Builder sizePrecision(int sizePrecision) {
            this.sizePrecision = sizePrecision;
            return this;
        }

        /** Defaults to one unit of the last price decimal. */
        public Builder tickSize(String tickSize) {
            this.tickSize = tickSize;
            return this;
        }

        /** Defaults to one unit of the last size decimal. */
        public Builder lotSize(String lotSize) {
            this.lotSize = lotSize;
            return this;
        }

        /** Defaults to the lot size. */
        public Builder minSize(String minSize) {
            this.minSize = minSize;
            return this;
        }

        /** Defaults to 1. */
        public Builder multiplier(String multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        public Builder expiry(Instant expiry) {
            this.expiry = expiry;
            return this;
        }

        public Builder underlying(String underlying) {
            this.underlying = underlying;
            return this;
        }

        /** Makes this a futures contract for {@code contractMonth}, last traded on {@code lastTradeDate}. */
        public Builder future(YearMonth contractMonth, LocalDate lastTradeDate) {
            this.contractMonth = contractMonth;
            this.lastTradeDate = lastTradeDate;
            return this;
        }

        /**
         * Makes this a {@code right} option on {@code underlying} (a future or a spot instrument) struck at
         * {@code strike}, a price at the underlying's precision; {@link #underlying(String)} defaults to the
         * underlying contract's.
         */
        public Builder option(Instrument underlying, OptionRight right, String strike) {
            this.optionUnderlying = underlying;
            this.right = right;
            this.strike = strike;
            return this;
        }

        /** Required for an option. */
        public Builder exerciseStyle(ExerciseStyle style) {
            this.style = style;
            return this;
        }

        /** The grid strikes must lie on; defaults to the underlying's tick size. */
        public Builder strikeIncrement(String strikeIncrement) {
            this.strikeIncrement = strikeIncrement;
            return this;
        }

        /** The listing exchange of a future or option; defaults to the venue's name. */
        public Builder exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        /** An option's trading class; defaults to the underlying symbol. */
        public Builder tradingClass(String tradingClass) {
            this.tradingClass = tradingClass;
            return this;
        }

        /** Builds the definition for trading at {@code now}: an expiry at or before it is refused. */
        public Builder tradableAt(Instant now) {
            this.tradableAt = now;
            return this;
        }

        public Instrument build() {
            return new Instrument(this);
        }
    }
}
