package dev.tradingsdk.polymarket.dto;

import dev.tradingsdk.polymarket.order.TickSize;
import java.math.BigDecimal;
import java.util.List;

/** A market from the CLOB's {@code /markets}; {@code tickSize} is null when the CLOB omits it. */
public record ClobMarket(String conditionId, String question, String marketSlug, List<Token> tokens, TickSize tickSize,
        BigDecimal minimumOrderSize, boolean negRisk, boolean active, boolean closed, boolean acceptingOrders,
        String endDateIso) {

    public ClobMarket {
        tokens = List.copyOf(tokens);
    }

    /** One outcome token of the market. */
    public record Token(String tokenId, String outcome, BigDecimal price, boolean winner) {
    }
}
