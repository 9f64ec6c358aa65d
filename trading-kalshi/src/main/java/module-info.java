/** Kalshi: RSA-PSS signing, the REST client with V2 event orders, the WebSocket stream, recorder and backtests. */
module dev.tradingsdk.kalshi {
    requires transitive dev.tradingsdk.core;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires okhttp3;

    exports dev.tradingsdk.kalshi;
}
