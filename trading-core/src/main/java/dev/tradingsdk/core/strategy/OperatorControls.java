package dev.tradingsdk.core.strategy;

/**
 * What an operator may do to a running engine, from any thread: what a trading system exposes as its halt,
 * resume, panic and status endpoints. Every action is journaled with who did it and why.
 */
public interface OperatorControls {

    /**
     * Stops new orders: every submission that starts after this returns is denied (code
     * {@link dev.tradingsdk.core.risk.RiskGovernor#HALTED}); cancels are still allowed and open orders stay open.
     */
    void halt(String operator, String reason);

    /** Allows new orders again after {@link #halt} or {@link #flatten}; failed strategies stay failed. */
    void resume(String operator, String reason);

    /**
     * The emergency liquidation: cancels every open order, then closes every open position of every account with
     * market orders, then leaves trading HALTED; each step is journaled. Blocks until the loop has done it and
     * returns the status right after (orders of a venue that fills asynchronously may still be working).
     */
    EngineStatus flatten(String operator, String reason);

    /** An immutable snapshot of the engine now. */
    EngineStatus status();
}
