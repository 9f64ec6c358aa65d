package dev.tradingsdk.polymarket.arb;

import java.util.List;
import java.util.Objects;

/**
 * What {@link PairCostArbitrage} reports: the current window, its position, the risk level, whether it stopped
 * opening exposure (after CRITICAL), the trades of the current window and the results of settled windows.
 */
public record PairCostStatus(String slug, PairPosition position, RiskLevel riskLevel, boolean halted,
        List<PairTrade> trades, List<WindowResult> settled) {

    public PairCostStatus {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(riskLevel, "riskLevel");
        trades = List.copyOf(trades);
        settled = List.copyOf(settled);
    }
}
