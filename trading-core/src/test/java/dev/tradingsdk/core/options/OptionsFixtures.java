package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.ExerciseStyle;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** E-mini S&P 500 December 2026 futures and a chain of options on them, shared by the options tests. */
final class OptionsFixtures {

    static final Venue CME = Venue.of("CME");
    /** Last trade Friday 2026-12-18 09:30 New York. */
    static final Instant EXPIRY = Instant.parse("2026-12-18T14:30:00Z");
    /** Friday 2026-11-20 15:00 UTC: 27 days 23.5 hours before expiry. */
    static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    static final long T0_NANOS = nanos(T0);

    /** Multiplier 50, tick 0.25 ($12.50). */
    static final Instrument ESZ6 = Instrument.builder("ESZ6", CME).assetClass(AssetClass.FUTURE)
            .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.25").sizePrecision(0).multiplier("50")
            .underlying("ES").expiry(EXPIRY).future(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 18))
            .tradableAt(T0).build();

    /** Calls and puts on ESZ6 at 4900, 4950, ..., 5100; premium tick 0.05, multiplier 50. */
    static final OptionChain CHAIN = OptionChain.of(chainOptions());

    private static int ids;

    private OptionsFixtures() {
    }

    static Instrument option(OptionRight right, String strike) {
        return Instrument.builder("ESZ6 " + (right == OptionRight.CALL ? "C" : "P") + strike, CME)
                .assetClass(AssetClass.OPTION).quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.05")
                .sizePrecision(0).multiplier("50").expiry(EXPIRY).option(ESZ6, right, strike).strikeIncrement("5")
                .exerciseStyle(ExerciseStyle.AMERICAN).tradingClass("ES").tradableAt(T0).build();
    }

    private static List<Instrument> chainOptions() {
        List<Instrument> options = new ArrayList<>();
        for (int strike = 4900; strike <= 5100; strike += 50) {
            options.add(option(OptionRight.CALL, Integer.toString(strike)));
            options.add(option(OptionRight.PUT, Integer.toString(strike)));
        }
        return options;
    }

    static Instrument call(int strike) {
        return CHAIN.call(Price.of(strike + ".00")).orElseThrow();
    }

    static Instrument put(int strike) {
        return CHAIN.put(Price.of(strike + ".00")).orElseThrow();
    }

    static long nanos(Instant instant) {
        return EpochNanos.of(instant);
    }

    static Fill fill(Instrument instrument, Side side, long contracts, String price, Instant at) {
        return new Fill(ClientOrderId.of("fx-" + ++ids), "t-" + ids, instrument, side,
                Price.of(price, instrument.pricePrecision()), Quantity.ofUnits(contracts, 0),
                Money.zero(Currency.USD), at);
    }
}
