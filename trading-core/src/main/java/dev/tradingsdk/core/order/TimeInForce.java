package dev.tradingsdk.core.order;

/** How long an order may rest. GTD needs an expiry time. */
public enum TimeInForce {
    GTC, GTD, IOC, FOK, DAY
}
