package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.polymarket.GammaClient;
import dev.tradingsdk.polymarket.dto.UpDownWindow;
import java.util.Objects;
import java.util.Optional;

/** Where the bot finds the market after the one that just resolved. */
@FunctionalInterface
public interface WindowSource {

    /** The market to trade after {@code ended}, or empty to stop trading. */
    Optional<PairMarket> next(PairMarket ended);

    /** One window only: the bot stops after it. */
    static WindowSource none() {
        return ended -> Optional.empty();
    }

    /**
     * The next 15-minute up/down window of {@code asset} ("btc", "eth") from Gamma, looked up by its slug
     * ({@code <asset>-updown-15m-<start>}, start = the ended window's end).
     */
    static WindowSource gamma(GammaClient gamma, String asset) {
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(asset, "asset");
        return ended -> gamma.upDown(new UpDownWindow(asset, ended.end().getEpochSecond())).map(PairMarket::of);
    }
}
