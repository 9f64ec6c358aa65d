package dev.tradingsdk.brokers.binance;

import java.math.BigDecimal;
import java.time.Instant;

/** One Binance candle, exactly as sent (prices and volumes as exact decimals); the last may still be open. */
public record Kline(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                    BigDecimal volume, Instant closeTime, BigDecimal quoteVolume, long trades,
                    BigDecimal takerBuyBaseVolume, BigDecimal takerBuyQuoteVolume) {
}
