package dev.tradingsdk.llm.council;

/** The council's pipeline, in order. */
public enum CouncilStage {
    RESEARCH, PITCHES, REVIEW, CHAIRMAN, EXECUTION;

    /** Where a stage stands. */
    public enum State { PENDING, RUNNING, COMPLETED, FAILED }
}
