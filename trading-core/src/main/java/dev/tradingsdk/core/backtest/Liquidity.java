package dev.tradingsdk.core.backtest;

/** Whether a fill took liquidity (crossed the spread or hit a bar's open) or was resting and got hit. */
public enum Liquidity {
    MAKER, TAKER
}
