package dev.tradingsdk.brokers.ibkr;

/**
 * The gateway's brokerage session as {@code /iserver/auth/status} or {@code /tickle} report it.
 *
 * @param competing another session of the same user is logged in (IBKR allows one per username)
 */
public record SessionStatus(boolean authenticated, boolean competing, boolean connected, String message) {

    /** Whether orders and market data can go through now. */
    public boolean ready() {
        return authenticated && connected && !competing;
    }
}
