package dev.tradingsdk.polymarket.arb;

/** The two outcome tokens of a binary market: one YES share plus one NO share settles at exactly $1. */
public enum PairLeg {
    YES, NO;

    public PairLeg other() {
        return this == YES ? NO : YES;
    }
}
