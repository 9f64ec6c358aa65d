package dev.tradingsdk.core.instrument;

/** Whether an option gives the right to buy (call) or to sell (put) its underlying at the strike. */
public enum OptionRight {
    CALL, PUT
}
