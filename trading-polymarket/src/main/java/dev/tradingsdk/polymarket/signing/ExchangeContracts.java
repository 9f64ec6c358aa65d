package dev.tradingsdk.polymarket.signing;

import java.util.Objects;

/**
 * The exchange and neg-risk exchange of one order version on one chain. Addresses are configuration: the
 * defaults below are the published ones, and a new domain version (e.g. "3", which reuses the V2 struct) is
 * added with {@link #of} without code changes.
 */
public final class ExchangeContracts {
    public static final long POLYGON = 137;
    public static final long AMOY = 80002;

    private static final String V2_EXCHANGE = "0xE111180000d2663C0091e4f400237545B87B996B";
    private static final String V2_NEG_RISK_EXCHANGE = "0xe2222d279d744050d28e00520010520000310F59";

    private final int version;
    private final ExchangeDomain exchange;
    private final ExchangeDomain negRiskExchange;

    private ExchangeContracts(int version, ExchangeDomain exchange, ExchangeDomain negRiskExchange) {
        this.version = version;
        this.exchange = exchange;
        this.negRiskExchange = negRiskExchange;
    }

    /** Contracts for the server order {@code version} (as returned by {@code GET /version}) on a chain. */
    public static ExchangeContracts of(int version, long chainId, OrderStruct struct, EthAddress exchange,
            EthAddress negRiskExchange) {
        Objects.requireNonNull(struct, "struct");
        String domainVersion = Integer.toString(version);
        return new ExchangeContracts(version, ExchangeDomain.of(domainVersion, chainId, exchange, struct),
                ExchangeDomain.of(domainVersion, chainId, negRiskExchange, struct));
    }

    /**
     * The published defaults: version 1 (legacy) and 2 (current) on Polygon (137) and Amoy (80002).
     *
     * @throws IllegalArgumentException for a version/chain without published defaults (configure it with {@link #of})
     */
    public static ExchangeContracts defaults(int version, long chainId) {
        if (version == 2 && (chainId == POLYGON || chainId == AMOY)) {
            return of(2, chainId, OrderStruct.V2, EthAddress.of(V2_EXCHANGE), EthAddress.of(V2_NEG_RISK_EXCHANGE));
        }
        if (version == 1 && chainId == POLYGON) {
            return of(1, chainId, OrderStruct.V1, EthAddress.of("0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E"),
                    EthAddress.of("0xC5d563A36AE78145C45a50134d48A1215220f80a"));
        }
        if (version == 1 && chainId == AMOY) {
            // The current official clients list 0xC5d563… as the Amoy neg-risk exchange (0xd91E80… is the adapter).
            return of(1, chainId, OrderStruct.V1, EthAddress.of("0xdFE02Eb6733538f8Ea35D585af8DE5958AD99E40"),
                    EthAddress.of("0xC5d563A36AE78145C45a50134d48A1215220f80a"));
        }
        throw new IllegalArgumentException("no default exchange contracts for order version " + version + " on chain "
                + chainId + "; configure them with ExchangeContracts.of(...)");
    }

    public int version() {
        return version;
    }

    public long chainId() {
        return exchange.chainId();
    }

    /** The signing domain for a normal or a neg-risk market. */
    public ExchangeDomain domain(boolean negRisk) {
        return negRisk ? negRiskExchange : exchange;
    }

    @Override
    public String toString() {
        return "ExchangeContracts[v" + version + ", " + exchange + ", negRisk " + negRiskExchange.verifyingContract()
                + "]";
    }
}
