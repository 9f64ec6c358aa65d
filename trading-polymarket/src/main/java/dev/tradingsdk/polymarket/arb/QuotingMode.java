package dev.tradingsdk.polymarket.arb;

/**
 * How {@link PairCostArbitrage} buys. Makers pay no fee on Polymarket while a taker pays rate × p(1 − p) per share
 * (0.0175 at p = 0.5 on crypto markets), so a pair taken on both legs only pays below about 0.965.
 */
public enum QuotingMode {
    /**
     * The default: post-only bids rest on both legs at prices that keep the all-in pair cost under the target, and
     * the ask is taken only when the pair, taker fees included, clears the target too.
     */
    MAKER_AND_TAKER,
    /** Only IOC buys at the ask when the pair, taker fees included, clears the target; nothing rests. */
    TAKER_ONLY
}
