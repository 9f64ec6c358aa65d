package dev.tradingsdk.brokers.binance;

import java.math.BigDecimal;
import java.time.Instant;

/** Binance's rolling 24-hour statistics for one symbol. */
public record Ticker24h(String symbol, BigDecimal priceChange, BigDecimal priceChangePercent,
                        BigDecimal weightedAvgPrice, BigDecimal prevClosePrice, BigDecimal lastPrice,
                        BigDecimal lastQty, BigDecimal bidPrice, BigDecimal bidQty, BigDecimal askPrice,
                        BigDecimal askQty, BigDecimal openPrice, BigDecimal highPrice, BigDecimal lowPrice,
                        BigDecimal volume, BigDecimal quoteVolume, Instant openTime, Instant closeTime, long count) {
}
