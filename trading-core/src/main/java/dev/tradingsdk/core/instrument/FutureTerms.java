package dev.tradingsdk.core.instrument;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What makes an instrument a futures contract: the delivery month it is named after, its last trade date and
 * the exchange that lists it. The multiplier, tick and expiry instant are the {@link Instrument}'s own; the
 * value of one tick is {@link Instrument#tickValue()}. Validated when the instrument is built.
 */
public record FutureTerms(YearMonth contractMonth, LocalDate lastTradeDate, String exchange) {
}
