package dev.tradingsdk.core.backtest;

import java.util.List;

/**
 * Events read from a file, in time order, and the data quirks met on the way (rows skipped, duplicates
 * resolved, rows kept despite an inconsistency), one human-readable line each.
 */
public record LoadedData<E>(List<E> events, List<String> warnings) {

    public LoadedData {
        events = List.copyOf(events);
        warnings = List.copyOf(warnings);
    }
}
