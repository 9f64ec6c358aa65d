package dev.tradingsdk.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A row's ratio to its peer and whether it meets its targets, in words for the table. */
record Verdict(double ratio, String targetText, String text) {

    static Verdict of(Row row, ResultsTable.Measured ours, ResultsTable.Measured peer) {
        boolean zeroAllocation = AllocationGate.declaresZeroAllocation(row.oursBenchmarkName())
                || Rows.ZERO_ALLOCATION_TARGET_NOT_YET_MET.contains(row.ours());
        List<String> targets = new ArrayList<>();
        if (!Double.isNaN(row.maxNanosPerOp())) {
            targets.add("≤ " + ResultsTable.number(row.maxNanosPerOp()) + " ns/op");
        }
        if (!Double.isNaN(row.minOpsPerSecond())) {
            targets.add("≥ " + ResultsTable.number(row.minOpsPerSecond()) + " ops/s");
        }
        if (!Double.isNaN(row.minRatio())) {
            targets.add("≥ " + ResultsTable.number(row.minRatio()) + "× peer");
        }
        Double maxBytes = Rows.MAX_BYTES_PER_OP.get(row.ours());
        if (zeroAllocation) {
            targets.add("0 B/op");
        } else if (maxBytes != null) {
            targets.add("≤ " + ResultsTable.number(maxBytes) + " B/op");
        }
        String targetText = targets.isEmpty() ? "measured" : String.join(", ", targets);
        if (ours == null) {
            return new Verdict(Double.NaN, targetText, "not measured in these runs");
        }
        JmhResult o = ours.result();
        double ratio = Double.NaN;
        if (peer != null) {
            JmhResult p = peer.result();
            ratio = o.isTime() && p.isTime() ? p.comparableNanosPerOp() / o.comparableNanosPerOp()
                    : !o.isTime() && !p.isTime() ? o.opsPerSecond() / p.opsPerSecond() : Double.NaN;
        }
        List<String> misses = new ArrayList<>();
        if (!Double.isNaN(row.maxNanosPerOp()) && o.isTime() && o.comparableNanosPerOp() > row.maxNanosPerOp()) {
            misses.add("time");
        }
        if (!Double.isNaN(row.minOpsPerSecond()) && !o.isTime() && o.opsPerSecond() < row.minOpsPerSecond()) {
            misses.add("rate");
        }
        if (!Double.isNaN(row.minRatio())) {
            if (Double.isNaN(ratio)) {
                misses.add("peer not measured");
            } else if (ratio < row.minRatio()) {
                misses.add("ratio");
            }
        }
        if (zeroAllocation && !(o.bytesPerOp() < ResultsTable.ZERO)) {
            misses.add(Double.isNaN(o.bytesPerOp()) ? "allocation not measured" : "allocates");
        }
        if (maxBytes != null && !(o.bytesPerOp() <= maxBytes)) {
            misses.add(Double.isNaN(o.bytesPerOp()) ? "allocation not measured" : "allocates");
        }
        String text = targets.isEmpty() ? "no target" : misses.isEmpty() ? "met" : "**missed: "
                + String.join(", ", misses) + "**";
        if (ours.peerRunDiffers(peer)) {
            text += " (peer from run " + peer.run().number() + ")";
        }
        return new Verdict(ratio, targetText, text);
    }

    String ratioText() {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.1f×", ratio);
    }
}
