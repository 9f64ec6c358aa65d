package dev.tradingsdk.cfd;

/** A competition's lifecycle: taking participants, running, finished. */
public enum CompetitionStatus {
    PENDING, ACTIVE, COMPLETED
}
