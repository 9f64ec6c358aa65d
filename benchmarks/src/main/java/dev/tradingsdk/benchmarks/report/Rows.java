package dev.tradingsdk.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results table's rows: issue 20's hot paths, each beside its peer and with its target. Adding a benchmark:
 * add its row here (anything in the results without a row is still listed, under "other results").
 */
final class Rows {

    /**
     * Benchmarks whose target is 0 B/op but which allocate today, so they cannot carry
     * {@link dev.tradingsdk.benchmarks.ZeroAllocation} (the gate would fail): the table reports their miss.
     */
    static final Set<String> ZERO_ALLOCATION_TARGET_NOT_YET_MET = Set.of();

    /** Allocation targets other than zero, in B/op. */
    static final Map<String, Double> MAX_BYTES_PER_OP = Map.of(
            "JsonBookDecodeBenchmark.polymarketBookOurs", 64.0,
            "JsonBookDecodeBenchmark.kalshiDeltaOurs", 64.0,
            "JsonBookDecodeBenchmark.polymarketBookOursReusedParser", 64.0,
            "JsonBookDecodeBenchmark.kalshiDeltaOursReusedParser", 64.0);

    static final List<Row> ALL = List.of(
            Row.of("price × qty → cents, raw longs", "FixedPointBenchmark.multiplyRaw")
                    .peer("FixedPointBenchmark.multiplyBigDecimal", "`BigDecimal` multiply + setScale")
                    .atLeastTimesPeer(5),
            Row.of("price × qty → `Money`", "FixedPointBenchmark.multiplyValueObjects")
                    .peer("FixedPointBenchmark.multiplyBigDecimal", "`BigDecimal` multiply + setScale"),
            Row.of("parse \"12345.67\" → raw long", "FixedPointBenchmark.parseRaw")
                    .peer("FixedPointBenchmark.parseBigDecimal", "`new BigDecimal(String)`").atLeastTimesPeer(3),
            Row.of("parse \"12345.67\" → `Price`", "FixedPointBenchmark.parsePrice")
                    .peer("FixedPointBenchmark.parseBigDecimal", "`new BigDecimal(String)`"),
            Row.of("L2 delta + best bid/ask, grid book", "OrderBookBenchmark.ours").params("layout", "GRID")
                    .peer("OrderBookBenchmark.treeMapBigDecimal", "`TreeMap<BigDecimal>`").atMostNanos(10)
                    .atLeastTimesPeer(5),
            Row.of("L2 delta + best bid/ask, grid book", "OrderBookBenchmark.ours").params("layout", "GRID")
                    .peer("OrderBookBenchmark.xchange", "XChange `OrderBook`").atMostNanos(10).atLeastTimesPeer(5),
            Row.of("L2 delta + best bid/ask, wide BTC book (±10%)", "OrderBookBenchmark.ours").params("layout", "WIDE")
                    .peer("OrderBookBenchmark.treeMapBigDecimal", "`TreeMap<BigDecimal>`").atMostNanos(25)
                    .atLeastTimesPeer(5),
            Row.of("L2 delta + best bid/ask, wide BTC book (±10%)", "OrderBookBenchmark.ours").params("layout", "WIDE")
                    .peer("OrderBookBenchmark.xchange", "XChange `OrderBook`").atMostNanos(25).atLeastTimesPeer(5),
            Row.of("cost to fill, top 10 levels", "BookFillBenchmark.oursCostToFill")
                    .peer("BookFillBenchmark.treeMapCostToFill", "`TreeMap<BigDecimal>`"),
            Row.of("VWAP to fill, top 10 levels", "BookFillBenchmark.oursVwapToFill")
                    .peer("BookFillBenchmark.treeMapVwapToFill", "`TreeMap<BigDecimal>`"),
            Row.of("JSON → book: Polymarket `book`, 40 levels", "JsonBookDecodeBenchmark.polymarketBookOurs")
                    .peer("JsonBookDecodeBenchmark.polymarketBookDatabind", "databind DTO, then apply")
                    .atMostNanos(1_500).atLeastTimesPeer(3),
            Row.of("JSON → book: Polymarket `book`, 40 levels, one parser per stream",
                    "JsonBookDecodeBenchmark.polymarketBookOursReusedParser")
                    .peer("JsonBookDecodeBenchmark.polymarketBookDatabind", "databind DTO, then apply")
                    .atMostNanos(1_500).atLeastTimesPeer(3),
            Row.of("JSON → book: Kalshi `orderbook_delta`, one parser per stream",
                    "JsonBookDecodeBenchmark.kalshiDeltaOursReusedParser")
                    .peer("JsonBookDecodeBenchmark.kalshiDeltaDatabind", "databind DTO, then apply")
                    .atMostNanos(1_500).atLeastTimesPeer(3),
            Row.of("JSON → book: Kalshi `orderbook_delta`", "JsonBookDecodeBenchmark.kalshiDeltaOurs")
                    .peer("JsonBookDecodeBenchmark.kalshiDeltaDatabind", "databind DTO, then apply")
                    .atMostNanos(1_500).atLeastTimesPeer(3),
            Row.of("risk governor, 10 rules, accept", "RiskGovernorBenchmark.acceptTenRules").atMostNanos(150),
            Row.of("risk governor, 1 rule, accept", "RiskGovernorBenchmark.acceptOneRule"),
            Row.of("engine REPLAY, no-op strategy, 10 rules", "TradingEngineBenchmark.noOpStrategy")
                    .atLeastPerSecond(5_000_000),
            Row.of("engine REPLAY, an order per event", "TradingEngineBenchmark.orderPerEvent"),
            Row.of("engine REPLAY, an order per event, prebuilt requests",
                    "TradingEngineBenchmark.orderPerEventPrebuilt"),
            Row.of("engine REPLAY, an order per event, scripted gateway",
                    "TradingEngineBenchmark.orderPerEventScriptedGateway"),
            Row.of("engine LIVE, feed → inbox → strategy → governor → gateway, per event",
                    "TradingEngineBenchmark.liveOrderPerEvent"),
            Row.of("CFD revaluation, per position of 1M", "CfdRevaluationBenchmark.positionBook")
                    .peer("CfdRevaluationBenchmark.bigDecimal", "`BigDecimal` loop").atMostNanos(3),
            Row.of("Polymarket arbitrage decision, nothing to do", "PairCostArbitrageBenchmark.bookUpdateNothingToDo")
                    .atMostNanos(200),
            Row.of("Polymarket arbitrage decision, order chosen", "PairCostArbitrageBenchmark.bookUpdateOrderChosen")
                    .atMostNanos(200),
            Row.of("EIP-712 order hash", "PolymarketSigningBenchmark.orderHashOurs")
                    .peer("PolymarketSigningBenchmark.orderHashWeb3j", "web3j `StructuredDataEncoder`")
                    .atMostNanos(5_000),
            Row.of("full order signature", "PolymarketSigningBenchmark.fullOrderSignatureOurs")
                    .peer("PolymarketSigningBenchmark.fullOrderSignatureWeb3j", "web3j encoder + `Sign.signMessage`")
                    .atLeastTimesPeer(5),
            Row.of("secp256k1 digest signature", "PolymarketSigningBenchmark.signDigestOurs")
                    .peer("PolymarketSigningBenchmark.signDigestWeb3j", "web3j `Sign.signMessage`"),
            Row.of("greeks, Black-76 full evaluation", "GreeksBenchmark.black76InPlace")
                    .peer("GreeksBenchmark.black76Straightforward", "textbook Black-76").atMostNanos(100),
            Row.of("greeks, Black-Scholes-Merton", "GreeksBenchmark.blackScholesMertonInPlace")
                    .peer("GreeksBenchmark.black76Straightforward", "textbook Black-76").atMostNanos(100),
            Row.of("greeks book, 10 options re-priced", "GreeksBenchmark.bookRepricesTenOptionsOnAPriceUpdate"),
            Row.of("account greeks, 10 positions", "GreeksBenchmark.accountGreeksOfTenPositions"),
            Row.of("all return metrics, 1M returns", "AnalyticsBenchmark.oursAllReturnMetrics")
                    .params("size", "1000000"),
            Row.of("ta4j drawdown + return, 100k bars", "AnalyticsBenchmark.ta4jMaxDrawdownAndReturn100k"),
            Row.of("SMA", "IndicatorBenchmark.oursSma").peer("IndicatorBenchmark.ta4jSma", "ta4j"),
            Row.of("RSI", "IndicatorBenchmark.oursRsi").peer("IndicatorBenchmark.ta4jRsi", "ta4j"),
            Row.of("MACD", "IndicatorBenchmark.oursMacd").peer("IndicatorBenchmark.ta4jMacd", "ta4j"),
            Row.of("Bollinger bands", "IndicatorBenchmark.oursBollinger").peer("IndicatorBenchmark.ta4jBollinger",
                    "ta4j"),
            Row.of("ATR", "IndicatorBenchmark.oursAtr").peer("IndicatorBenchmark.ta4jAtr", "ta4j"),
            Row.of("backtest replay, no-op strategy", "BacktestThroughputBenchmark.everyEvent")
                    .atLeastPerSecond(5_000_000),
            Row.of("CSV read of 1M one-minute bars, streamed", "BarReaderMemoryBenchmark.stream"),
            Row.of("CSV read of 1M one-minute bars, whole", "BarReaderMemoryBenchmark.read"),
            Row.of("journal append, fsync per record", "JournalAppendBenchmark.append").params("fsync", "EVERY_RECORD")
                    .bytesMetric("bytes"),
            Row.of("journal append, batched fsync (100 / 5 ms)", "JournalAppendBenchmark.append")
                    .params("fsync", "BATCHED").bytesMetric("bytes"),
            Row.of("journal append, no fsync", "JournalAppendBenchmark.append").params("fsync", "OS")
                    .bytesMetric("bytes"));

    private Rows() {
    }
}
