package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * One market's position ({@code MarketPosition}). Kalshi nets YES against NO: {@code position_fp > 0} is long
 * YES, {@code < 0} long NO.
 *
 * @param outcome   the side held, empty when flat
 * @param contracts how many contracts of that side
 */
public record MarketPosition(String ticker, Optional<Outcome> outcome, Quantity contracts, Money totalTraded,
                             Money exposure, Money realizedPnl, Money feesPaid) {

    public MarketPosition {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(contracts, "contracts");
    }
}
