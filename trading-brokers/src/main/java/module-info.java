/** Brokers: one Broker SPI with the paper broker, Alpaca, IBKR Client Portal and Binance market data. */
module dev.tradingsdk.brokers {
    requires transitive dev.tradingsdk.core;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires okhttp3;
    requires com.github.benmanes.caffeine;

    exports dev.tradingsdk.brokers;
    exports dev.tradingsdk.brokers.alpaca;
    exports dev.tradingsdk.brokers.binance;
    exports dev.tradingsdk.brokers.ibkr;
    exports dev.tradingsdk.brokers.paper;
    exports dev.tradingsdk.brokers.tenant;

    // Jackson reads and writes the journaled records of this package.
    opens dev.tradingsdk.brokers.paper.internal to com.fasterxml.jackson.databind;
}
