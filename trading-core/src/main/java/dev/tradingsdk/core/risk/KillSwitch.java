package dev.tradingsdk.core.risk;

/** Halts trading; given to rules that may trip a halt from a post-trade hook. */
@FunctionalInterface
public interface KillSwitch {

    /** Halts {@code accountId} until a person resumes it, recording who halted it and why. */
    void haltAccount(String accountId, String who, String why);
}
