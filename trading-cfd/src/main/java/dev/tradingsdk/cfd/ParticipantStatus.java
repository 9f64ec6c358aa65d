package dev.tradingsdk.cfd;

/** Where a competition participant stands: still trading, stopped out, or removed for breaking the rules. */
public enum ParticipantStatus {
    ACTIVE, LIQUIDATED, DISQUALIFIED
}
