package dev.tradingsdk.polymarket.dto;

import java.math.BigInteger;
import java.util.Map;

/** Balance and allowances (per spender) in on-chain units with 6 decimals. */
public record BalanceAllowance(BigInteger balance, Map<String, BigInteger> allowances) {
    public BalanceAllowance {
        allowances = Map.copyOf(allowances);
    }

    /** Collateral (USDC/pUSD) or an outcome token. */
    public enum AssetType {
        COLLATERAL,
        CONDITIONAL
    }
}
