package dev.tradingsdk.llm.council;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a peer review's ranking strictly: the text must hold a {@code FINAL RANKING:} header followed by a
 * numbered list {@code 1. Pitch X}, {@code 2. Pitch Y} ... naming every expected label exactly once, in rank
 * order. Anything else (no header, a missing, unknown or repeated label, numbers out of order) is that
 * reviewer's failure, reported with the reason; mentions in prose are never taken as a ranking.
 */
public final class RankingParser {

    private static final Pattern HEADER = Pattern.compile("(?im)^\\s*\\**FINAL RANKING:?\\**\\s*$");
    private static final Pattern ITEM = Pattern.compile("(?m)^\\s*(\\d+)[.)]\\s*(?:Pitch|Response)\\s+([A-Z])\\b.*$");

    private RankingParser() {
    }

    /** A ranking, best first, or the reason there is none. */
    public record Ranking(List<String> labels, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public static Ranking parse(String text, Set<String> expected) {
        String withoutThinking = text.replaceAll("(?is)<think>.*?</think>", "");
        Matcher header = HEADER.matcher(withoutThinking);
        int start = -1;
        while (header.find()) {
            start = header.end();
        }
        if (start < 0) {
            return new Ranking(List.of(), "no FINAL RANKING: header");
        }
        Matcher item = ITEM.matcher(withoutThinking.substring(start));
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        while (item.find()) {
            number++;
            if (Integer.parseInt(item.group(1)) != number) {
                return new Ranking(List.of(), "rank " + item.group(1) + " where " + number + " was expected");
            }
            String label = item.group(2);
            if (!expected.contains(label)) {
                return new Ranking(List.of(), "unknown pitch " + label + "; expected " + new java.util.TreeSet<>(expected));
            }
            if (!seen.add(label)) {
                return new Ranking(List.of(), "pitch " + label + " ranked twice");
            }
            labels.add(label);
        }
        if (!seen.equals(expected)) {
            Set<String> missing = new java.util.TreeSet<>(expected);
            missing.removeAll(seen);
            return new Ranking(List.of(), "ranking misses " + missing);
        }
        return new Ranking(List.copyOf(labels), null);
    }
}
