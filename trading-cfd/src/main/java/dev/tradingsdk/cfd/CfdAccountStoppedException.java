package dev.tradingsdk.cfd;

/**
 * An account's event listener (its journal, say) failed while recording a change: the change was not applied and
 * the account stopped trading, so nothing happens that is not recorded. {@link CfdAccount#stopped()} says why.
 */
public final class CfdAccountStoppedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String accountId;

    CfdAccountStoppedException(String accountId, String reason, Throwable cause) {
        super("account " + accountId + " stopped trading: " + reason, cause);
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
