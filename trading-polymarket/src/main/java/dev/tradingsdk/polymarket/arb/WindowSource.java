package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.polymarket.GammaClient;
import dev.tradingsdk.polymarket.dto.UpDownWindow;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Where the bot finds the market after the one that just resolved. */
@FunctionalInterface
public interface WindowSource {

    /** The market to trade after {@code ended}, or empty to stop trading. */
    Optional<PairMarket> next(PairMarket ended);

    /**
     * The leg the venue resolved {@code ended} to, or empty while it has not resolved (the bot then reads the
     * winner from the last books). By default nothing is known here.
     */
    default Optional<PairLeg> resolvedWinner(PairMarket ended) {
        return Optional.empty();
    }

    /** One window only: the bot stops after it. */
    static WindowSource none() {
        return ended -> Optional.empty();
    }

    /**
     * The next 15-minute up/down window of {@code asset} ("btc", "eth") from Gamma, looked up by its slug
     * ({@code <asset>-updown-15m-<start>}, start = the ended window's end); the ended window's winner from its
     * Gamma resolution (closed, outcome prices 1 and 0; the first outcome, Up, is YES).
     */
    static WindowSource gamma(GammaClient gamma, String asset) {
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(asset, "asset");
        return new WindowSource() {
            @Override
            public Optional<PairMarket> next(PairMarket ended) {
                return gamma.upDown(new UpDownWindow(asset, ended.end().getEpochSecond())).map(PairMarket::of);
            }

            @Override
            public Optional<PairLeg> resolvedWinner(PairMarket ended) {
                return gamma.closedMarketBySlug(ended.slug()).flatMap(market -> {
                    OptionalInt winner = market.winningOutcome();
                    return winner.isPresent() ? Optional.of(winner.getAsInt() == 0 ? PairLeg.YES : PairLeg.NO)
                            : Optional.empty();
                });
            }
        };
    }
}
