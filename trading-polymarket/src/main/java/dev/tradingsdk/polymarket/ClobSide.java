package dev.tradingsdk.polymarket;

/** Order side on the CLOB; BUY = 0 and SELL = 1 in the signed struct, "BUY"/"SELL" in JSON. */
public enum ClobSide {
    BUY,
    SELL;

    int code() {
        return ordinal();
    }
}
