package dev.tradingsdk.polymarket.dto;

import java.time.Instant;
import java.util.List;

/** An event from the Gamma API with its markets. */
public record GammaEvent(String id, String slug, String title, Instant startDate, Instant endDate, boolean active,
        boolean closed, List<GammaMarket> markets) {
    public GammaEvent {
        markets = List.copyOf(markets);
    }
}
