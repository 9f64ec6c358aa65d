package dev.tradingsdk.llm.prompt;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All the bars a run has (a whole replay's worth, or what a live feed delivered so far), per instrument in close
 * time order. Prompts never read it directly: they read a {@link PointInTimeView} cut at the decision time.
 */
public final class MarketHistory {

    private final Map<Instrument, List<Bar>> bars;

    private MarketHistory(Map<Instrument, List<Bar>> bars) {
        this.bars = bars;
    }

    /** Bars of any instruments in any order; two bars of one instrument closing at the same time are refused. */
    public static MarketHistory of(Collection<Bar> all) {
        Map<Instrument, List<Bar>> byInstrument = new LinkedHashMap<>();
        for (Bar b : all) {
            byInstrument.computeIfAbsent(Objects.requireNonNull(b, "bar").instrument(), i -> new ArrayList<>()).add(b);
        }
        Map<Instrument, List<Bar>> sorted = new LinkedHashMap<>();
        for (Map.Entry<Instrument, List<Bar>> e : byInstrument.entrySet()) {
            List<Bar> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparing(Bar::closeTime));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).closeTime().equals(list.get(i - 1).closeTime())) {
                    throw new IllegalArgumentException("two bars of " + e.getKey().symbol() + " close at "
                        + list.get(i).closeTime());
                }
            }
            sorted.put(e.getKey(), List.copyOf(list));
        }
        return new MarketHistory(Map.copyOf(sorted));
    }

    /** The view of this history that a decision at {@code decisionTime} may read. */
    public PointInTimeView at(Instant decisionTime) {
        return new PointInTimeView(this, decisionTime);
    }

    List<Bar> all(Instrument instrument) {
        return bars.getOrDefault(instrument, List.of());
    }

    public Collection<Instrument> instruments() {
        return bars.keySet();
    }
}
