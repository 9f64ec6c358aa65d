package dev.tradingsdk.llm.prompt;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The competition as a participant should see it: when it ends, where it stands, and the rules it trades under.
 *
 * @param name               competition name
 * @param end                when it ends
 * @param rank               1-based rank now
 * @param participants       how many take part
 * @param maxLeverage        largest leverage allowed
 * @param maxPositionPercent largest notional per instrument, percent of equity
 * @param shortingAllowed    whether shorts may be opened
 * @param standings          the leaderboard now, rank 1 first
 */
public record CompetitionBrief(String name, Instant end, int rank, int participants, int maxLeverage,
                               long maxPositionPercent, boolean shortingAllowed, List<Standing> standings) {

    /** One leaderboard line. Names are shown as quoted data, so a participant name cannot carry instructions. */
    public record Standing(int rank, String participant, String equity, String returnPercent) {
        public Standing {
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(returnPercent, "returnPercent");
        }
    }

    public CompetitionBrief {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(end, "end");
        if (rank < 1 || participants < rank) {
            throw new IllegalArgumentException("rank must be in 1.." + participants + ", was " + rank);
        }
        standings = List.copyOf(standings);
    }
}
