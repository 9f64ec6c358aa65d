package dev.tradingsdk.polymarket.dto;

import java.util.List;
import java.util.Map;

/** Which orders a cancel removed, and why the others were not. */
public record CancelResult(List<String> canceled, Map<String, String> notCanceled) {
    public CancelResult {
        canceled = List.copyOf(canceled);
        notCanceled = Map.copyOf(notCanceled);
    }
}
