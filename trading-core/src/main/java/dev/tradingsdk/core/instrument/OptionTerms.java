package dev.tradingsdk.core.instrument;

import dev.tradingsdk.core.num.Price;

/**
 * What makes an instrument an option: the contract it is written on (a future, or a spot instrument such as an
 * equity or index), the strike on the grid of {@code strikeIncrement} (both at the underlying's price
 * precision), call or put, the exercise style, the listing exchange and the trading class (the option series'
 * root, e.g. {@code ES} or the weekly {@code EW3}). Validated when the instrument is built.
 */
public record OptionTerms(Instrument underlying, Price strike, OptionRight right, ExerciseStyle style,
                          Price strikeIncrement, String exchange, String tradingClass) {

    /** True when the underlying is a futures contract, so Black-76 rather than Black-Scholes-Merton applies. */
    public boolean onFuture() {
        return underlying.assetClass() == AssetClass.FUTURE;
    }
}
