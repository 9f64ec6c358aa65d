package dev.tradingsdk.core.portfolio;

/** Direction of a net position. */
public enum PositionSide {
    LONG, SHORT, FLAT
}
