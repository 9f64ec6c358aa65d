package dev.tradingsdk.llm.agent;

/**
 * How an agent acts on its decisions: {@code CONFIRMATION} turns each into a proposal a person approves or rejects;
 * {@code AUTONOMOUS} sends the orders through the engine's risk path at once (unless autonomous mode is switched
 * off globally, see {@link AgentControls}).
 */
public enum AgentMode {
    CONFIRMATION, AUTONOMOUS
}
