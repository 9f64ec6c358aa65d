/**
 * Trading SDK core: exact fixed-point values, instruments, orders, books, portfolios, risk, the strategy runtime,
 * analytics, sweeps, the journal and HTTP plumbing. Every package but the {@code internal} ones is exported.
 */
module dev.tradingsdk.core {
    requires transitive org.slf4j;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive okhttp3;
    requires okio;
    requires org.apache.commons.csv;

    exports dev.tradingsdk.core;
    exports dev.tradingsdk.core.analytics;
    exports dev.tradingsdk.core.backtest;
    exports dev.tradingsdk.core.book;
    exports dev.tradingsdk.core.codec;
    exports dev.tradingsdk.core.gateway;
    exports dev.tradingsdk.core.http;
    exports dev.tradingsdk.core.indicators;
    exports dev.tradingsdk.core.instrument;
    exports dev.tradingsdk.core.journal;
    exports dev.tradingsdk.core.market;
    exports dev.tradingsdk.core.num;
    exports dev.tradingsdk.core.options;
    exports dev.tradingsdk.core.order;
    exports dev.tradingsdk.core.portfolio;
    exports dev.tradingsdk.core.risk;
    exports dev.tradingsdk.core.risk.monitor;
    exports dev.tradingsdk.core.risk.rules;
    exports dev.tradingsdk.core.strategy;
    exports dev.tradingsdk.core.sweep;
    exports dev.tradingsdk.core.time;
}
