package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.signing.ClobOrder;
import dev.tradingsdk.polymarket.signing.ExchangeContracts;
import dev.tradingsdk.polymarket.signing.ExchangeDomain;
import dev.tradingsdk.polymarket.signing.PolymarketSigner;
import dev.tradingsdk.polymarket.signing.SignedClobOrder;
import dev.tradingsdk.polymarket.signing.WalletKey;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * Polymarket order signing: our RFC 6979 signer (v from the nonce point) against web3j's {@code Sign.signMessage}
 * (which recovers the public key to find v), and our EIP-712 order hash against web3j's
 * {@code StructuredDataEncoder}. Same key, same V2 order, same digest on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolymarketSigningBenchmark {
    private static final String PRIVATE_KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private WalletKey key;
    private ECKeyPair web3jKey;
    private PolymarketSigner signer;
    private ExchangeDomain domain;
    private ClobOrder order;
    private byte[] digest;
    private String typedDataJson;

    @Setup
    public void setUp() {
        key = WalletKey.fromHex(PRIVATE_KEY);
        web3jKey = ECKeyPair.create(new BigInteger(PRIVATE_KEY, 16));
        signer = new PolymarketSigner(key);
        domain = ExchangeContracts.defaults(2, ExchangeContracts.POLYGON).domain(false);
        order = ClobOrder.builder().salt(479_249_096_354L).maker(key.address()).signer(key.address())
                .tokenId("71321045679252212594626385532706912750332728571942532289631379312455583992563")
                .makerAmount(4_500_000).takerAmount(10_000_000).side(Side.BUY).timestamp(1_777_467_600_000L).build();
        digest = PolymarketSigner.orderDigest(order, domain);
        typedDataJson = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
                + "{\"name\":\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"},"
                + "{\"name\":\"verifyingContract\",\"type\":\"address\"}],\"Order\":["
                + "{\"name\":\"salt\",\"type\":\"uint256\"},{\"name\":\"maker\",\"type\":\"address\"},"
                + "{\"name\":\"signer\",\"type\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\"},"
                + "{\"name\":\"makerAmount\",\"type\":\"uint256\"},{\"name\":\"takerAmount\",\"type\":\"uint256\"},"
                + "{\"name\":\"side\",\"type\":\"uint8\"},{\"name\":\"signatureType\",\"type\":\"uint8\"},"
                + "{\"name\":\"timestamp\",\"type\":\"uint256\"},{\"name\":\"metadata\",\"type\":\"bytes32\"},"
                + "{\"name\":\"builder\",\"type\":\"bytes32\"}]},\"primaryType\":\"Order\",\"domain\":{"
                + "\"name\":\"Polymarket CTF Exchange\",\"version\":\"2\",\"chainId\":137,\"verifyingContract\":"
                + "\"" + domain.verifyingContract() + "\"},\"message\":{\"salt\":479249096354,\"maker\":\""
                + key.address() + "\",\"signer\":\"" + key.address() + "\",\"tokenId\":\"" + order.tokenId()
                + "\",\"makerAmount\":4500000,\"takerAmount\":10000000,\"side\":0,\"signatureType\":0,"
                + "\"timestamp\":1777467600000,\"metadata\":\"" + order.metadataHex() + "\",\"builder\":\""
                + order.builderHex() + "\"}}";
        if (!Arrays.equals(digest, orderHashWeb3j())) {
            throw new IllegalStateException("our order hash differs from web3j's; the comparison would be meaningless");
        }
    }

    /** Our digest signature: RFC 6979 k, v from R's y parity. */
    @Benchmark
    public byte[] signDigestOurs() {
        return key.signDigest(digest);
    }

    /** web3j: same RFC 6979 signature, then up to four public-key recoveries to find v. */
    @Benchmark
    public Sign.SignatureData signDigestWeb3j() {
        return Sign.signMessage(digest, web3jKey, false);
    }

    /** Our EIP-712 order hash (struct hash + domain digest). */
    @Benchmark
    public byte[] orderHashOurs() {
        return PolymarketSigner.orderDigest(order, domain);
    }

    /** web3j's generic EIP-712 encoder on the same order. */
    @Benchmark
    public byte[] orderHashWeb3j() {
        try {
            return new StructuredDataEncoder(typedDataJson).hashStructuredData();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Full order signature as sent: pairing check, hash, sign, hex. */
    @Benchmark
    public SignedClobOrder fullOrderSignatureOurs() {
        return signer.sign(order, domain);
    }

    /** The web3j way: structured-data hash then Sign.signMessage. */
    @Benchmark
    public Sign.SignatureData fullOrderSignatureWeb3j() {
        return Sign.signMessage(orderHashWeb3j(), web3jKey, false);
    }
}
