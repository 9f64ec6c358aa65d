package dev.tradingsdk.polymarket.dto;

import java.util.List;

/** The CLOB's answer to one posted order; {@code status} is live, matched, delayed or unmatched. */
public record PostOrderResult(boolean success, String errorMsg, String orderId, String status, String makingAmount,
        String takingAmount, List<String> transactionHashes, List<String> tradeIds) {
    public PostOrderResult {
        transactionHashes = List.copyOf(transactionHashes);
        tradeIds = List.copyOf(tradeIds);
    }
}
