package dev.tradingsdk.cfd;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Participants ranked by equity, highest first. Ties are broken by participant name (ascending), so the order
 * never depends on join order or hashing; tied participants still get distinct consecutive ranks.
 */
public final class Leaderboard {

    private static final Comparator<LeaderboardEntry> ORDER = Comparator
            .comparing(LeaderboardEntry::equity, Comparator.reverseOrder())
            .thenComparing(e -> e.participant().name());

    private final List<LeaderboardEntry> entries;

    private Leaderboard(List<LeaderboardEntry> entries) {
        this.entries = entries;
    }

    static Leaderboard rank(List<LeaderboardEntry> unranked) {
        List<LeaderboardEntry> sorted = new ArrayList<>(unranked);
        sorted.sort(ORDER);
        List<LeaderboardEntry> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ranked.add(sorted.get(i).withRank(i + 1));
        }
        return new Leaderboard(List.copyOf(ranked));
    }

    /** The entries, rank 1 first. */
    public List<LeaderboardEntry> entries() {
        return entries;
    }

    public Optional<LeaderboardEntry> entry(String participant) {
        return entries.stream().filter(e -> e.participant().name().equals(participant)).findFirst();
    }

    /** A plain-text table for logs and reports. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(128 + entries.size() * 128);
        sb.append(String.format(Locale.ROOT, "%-4s %-16s %-12s %16s %10s %12s %8s %8s %6s %6s%n", "rank",
                "participant", "status", "equity", "return%", "max dd%", "sharpe", "win%", "trades", "fills"));
        for (LeaderboardEntry e : entries) {
            sb.append(String.format(Locale.ROOT, "%-4d %-16s %-12s %16s %10s %12s %8.3f %8s %6d %6d%n", e.rank(),
                    e.participant().name(), e.status(), e.equity(), e.returnPercent(), e.maxDrawdownPercent(),
                    e.sharpe(), e.winRatePercent().map(BigDecimal::toPlainString).orElse("n/a"), e.closedTrades(),
                    e.fillCount()));
        }
        return sb.toString();
    }
}
