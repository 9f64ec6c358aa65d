/** Polymarket: EIP-712 order signing, the CLOB REST and WebSocket clients, market discovery, the venue adapters,
 * a book recorder and the pair-cost arbitrage bot. */
module dev.tradingsdk.polymarket {
    requires transitive dev.tradingsdk.core;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires okhttp3;
    requires org.bouncycastle.provider;

    exports dev.tradingsdk.polymarket;
    exports dev.tradingsdk.polymarket.arb;
    exports dev.tradingsdk.polymarket.dto;
    exports dev.tradingsdk.polymarket.gateway;
    exports dev.tradingsdk.polymarket.order;
    exports dev.tradingsdk.polymarket.signing;

    // Jackson reads and writes the recorder's journaled books and the bot's journaled state.
    opens dev.tradingsdk.polymarket to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.polymarket.arb to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.polymarket.dto to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.polymarket.gateway to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.polymarket.internal to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.polymarket.order to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.polymarket.signing to com.fasterxml.jackson.databind;
}
