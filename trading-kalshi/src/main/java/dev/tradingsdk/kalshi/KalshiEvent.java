package dev.tradingsdk.kalshi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An event ({@code EventData}): a group of markets on one question, e.g. the temperature ranges of one day. */
public record KalshiEvent(String eventTicker, String seriesTicker, String title, String subTitle,
                          boolean mutuallyExclusive, Optional<Instant> strikeDate, List<KalshiMarket> markets) {

    public KalshiEvent {
        Objects.requireNonNull(eventTicker, "eventTicker");
        markets = List.copyOf(markets);
    }
}
