package dev.tradingsdk.polymarket.order;

/** CLOB time-in-force: GTC and GTD rest on the book; FOK and FAK (immediate-or-cancel) are market orders. */
public enum ClobOrderType {
    GTC,
    GTD,
    FOK,
    FAK;

    public boolean isMarket() {
        return this == FOK || this == FAK;
    }
}
