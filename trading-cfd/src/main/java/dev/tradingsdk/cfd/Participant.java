package dev.tradingsdk.cfd;

/**
 * Who competes: a unique {@code name} (also the account id) and the identity of the agent or model behind it,
 * e.g. {@code "rule:sma-20/50"} or {@code "anthropic:claude-sonnet"}.
 */
public record Participant(String name, String agent) {

    public Participant {
        if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,40}")) {
            throw new IllegalArgumentException("participant name must be 1-40 characters of [A-Za-z0-9_.:-], was \""
                    + name + "\"");
        }
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("agent of participant " + name + " must not be blank");
        }
    }
}
