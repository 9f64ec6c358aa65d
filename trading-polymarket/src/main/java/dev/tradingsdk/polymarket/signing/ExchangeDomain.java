package dev.tradingsdk.polymarket.signing;

import dev.tradingsdk.polymarket.internal.Eip712;
import java.util.Objects;

/**
 * One EIP-712 signing domain for orders: exchange name, domain version, chain and (optionally) verifying contract,
 * plus the struct layout that version signs. Without a verifying contract the domain type is
 * {@code EIP712Domain(string name,string version,uint256 chainId)}. The separator is computed once.
 */
public final class ExchangeDomain {
    public static final String EXCHANGE_NAME = "Polymarket CTF Exchange";

    private final String name;
    private final String version;
    private final long chainId;
    private final EthAddress verifyingContract;
    private final OrderStruct struct;
    private final byte[] separator;

    private ExchangeDomain(String name, String version, long chainId, EthAddress verifyingContract, OrderStruct struct) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive, got " + chainId);
        }
        this.chainId = chainId;
        this.verifyingContract = verifyingContract;
        this.struct = Objects.requireNonNull(struct, "struct");
        this.separator = Eip712.domainSeparator(name, version, chainId,
                verifyingContract == null ? null : verifyingContract.rawBytes());
    }

    /** A "Polymarket CTF Exchange" domain. */
    public static ExchangeDomain of(String version, long chainId, EthAddress verifyingContract, OrderStruct struct) {
        return of(EXCHANGE_NAME, version, chainId, verifyingContract, struct);
    }

    public static ExchangeDomain of(String name, String version, long chainId, EthAddress verifyingContract,
            OrderStruct struct) {
        return new ExchangeDomain(name, version, chainId, Objects.requireNonNull(verifyingContract,
                "verifyingContract (use withoutVerifyingContract for a domain without one)"), struct);
    }

    /** A domain whose type has no {@code verifyingContract} field. */
    public static ExchangeDomain withoutVerifyingContract(String name, String version, long chainId,
            OrderStruct struct) {
        return new ExchangeDomain(name, version, chainId, null, struct);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public long chainId() {
        return chainId;
    }

    /** The verifying contract, or null for a domain without one ({@link #withoutVerifyingContract}). */
    public EthAddress verifyingContract() {
        return verifyingContract;
    }

    public OrderStruct struct() {
        return struct;
    }

    /** The 32-byte domain separator (a copy). */
    public byte[] separator() {
        return separator.clone();
    }

    byte[] rawSeparator() {
        return separator;
    }

    @Override
    public String toString() {
        return "ExchangeDomain[" + name + " v" + version + ", chain " + chainId + ", " + (verifyingContract == null
                ? "no verifying contract" : verifyingContract) + ", "
                + struct + "]";
    }
}
