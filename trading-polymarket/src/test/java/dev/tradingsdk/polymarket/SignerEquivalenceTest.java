package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.internal.Hex;
import dev.tradingsdk.polymarket.signing.ClobOrder;
import dev.tradingsdk.polymarket.signing.ExchangeContracts;
import dev.tradingsdk.polymarket.signing.ExchangeDomain;
import dev.tradingsdk.polymarket.signing.OrderStruct;
import dev.tradingsdk.polymarket.signing.PolymarketSigner;
import dev.tradingsdk.polymarket.signing.WalletKey;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/** Our RFC 6979 signer against web3j's reference implementation on seeded random keys and digests. */
class SignerEquivalenceTest {
    private static final BigInteger N = Sign.CURVE_PARAMS.getN();

    @Test
    void signaturesEqualWeb3jOnTwoThousandRandomKeysAndDigests() {
        Random random = new Random(20260428L);
        for (int i = 0; i < 2_000; i++) {
            BigInteger d = new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            WalletKey key = WalletKey.fromHex(Hex.encode0x(pad32(d)));
            ECKeyPair pair = ECKeyPair.create(d);
            Sign.SignatureData expected = Sign.signMessage(digest, pair, false);
            byte[] ours = key.signDigest(digest);
            byte[] theirs = new byte[65];
            System.arraycopy(expected.getR(), 0, theirs, 0, 32);
            System.arraycopy(expected.getS(), 0, theirs, 32, 32);
            theirs[64] = expected.getV()[0];
            assertThat(Hex.encode0x(ours)).as("case %d", i).isEqualTo(Hex.encode0x(theirs));
            if (i % 100 == 0) {
                assertThat(key.address().toLowerHex()).isEqualTo("0x" + Keys.getAddress(pair));
            }
        }
    }

    @Test
    void v2AndV1DigestsEqualWeb3jStructuredDataEncoder() throws Exception {
        Random random = new Random(7L);
        for (int i = 0; i < 20; i++) {
            WalletKey key = WalletKey.fromHex(Hex.encode0x(pad32(new BigInteger(250, random).add(BigInteger.ONE))));
            ClobOrder order = ClobOrder.builder()
                    .salt(Math.abs(random.nextLong()) >>> 11)
                    .maker(key.address()).signer(key.address())
                    .tokenId(new BigInteger(255, random))
                    .makerAmount(1 + random.nextInt(1_000_000_000)).takerAmount(1 + random.nextInt(1_000_000_000))
                    .side(random.nextBoolean() ? Side.BUY : Side.SELL)
                    .expiration(random.nextInt(2_000_000_000)).nonce(random.nextInt(10)).feeRateBps(random.nextInt(200))
                    .timestamp(1_777_000_000_000L + random.nextInt(1_000_000))
                    .metadata(Hex.encode0x(randomBytes(random)))
                    .builderCode(Hex.encode0x(randomBytes(random)))
                    .build();
            for (int version = 1; version <= 2; version++) {
                ExchangeDomain domain = ExchangeContracts.defaults(version, ExchangeContracts.POLYGON)
                        .domain(random.nextBoolean());
                String json = typedDataJson(order, domain);
                byte[] expected = new StructuredDataEncoder(json).hashStructuredData();
                assertThat(PolymarketSigner.orderHash(order, domain)).isEqualTo(Hex.encode0x(expected));
            }
        }
    }

    private static String typedDataJson(ClobOrder o, ExchangeDomain domain) {
        boolean v1 = domain.struct() == OrderStruct.V1;
        String orderType = v1
                ? "[{\"name\":\"salt\",\"type\":\"uint256\"},{\"name\":\"maker\",\"type\":\"address\"},"
                + "{\"name\":\"signer\",\"type\":\"address\"},{\"name\":\"taker\",\"type\":\"address\"},"
                + "{\"name\":\"tokenId\",\"type\":\"uint256\"},{\"name\":\"makerAmount\",\"type\":\"uint256\"},"
                + "{\"name\":\"takerAmount\",\"type\":\"uint256\"},{\"name\":\"expiration\",\"type\":\"uint256\"},"
                + "{\"name\":\"nonce\",\"type\":\"uint256\"},{\"name\":\"feeRateBps\",\"type\":\"uint256\"},"
                + "{\"name\":\"side\",\"type\":\"uint8\"},{\"name\":\"signatureType\",\"type\":\"uint8\"}]"
                : "[{\"name\":\"salt\",\"type\":\"uint256\"},{\"name\":\"maker\",\"type\":\"address\"},"
                + "{\"name\":\"signer\",\"type\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\"},"
                + "{\"name\":\"makerAmount\",\"type\":\"uint256\"},{\"name\":\"takerAmount\",\"type\":\"uint256\"},"
                + "{\"name\":\"side\",\"type\":\"uint8\"},{\"name\":\"signatureType\",\"type\":\"uint8\"},"
                + "{\"name\":\"timestamp\",\"type\":\"uint256\"},{\"name\":\"metadata\",\"type\":\"bytes32\"},"
                + "{\"name\":\"builder\",\"type\":\"bytes32\"}]";
        String message = v1
                ? String.format("{\"salt\":%d,\"maker\":\"%s\",\"signer\":\"%s\",\"taker\":\"%s\",\"tokenId\":\"%s\","
                        + "\"makerAmount\":%d,\"takerAmount\":%d,\"expiration\":%d,\"nonce\":%d,\"feeRateBps\":%d,"
                        + "\"side\":%d,\"signatureType\":%d}", o.salt(), o.maker(), o.signer(), o.taker(), o.tokenId(),
                        o.makerAmount(), o.takerAmount(), o.expiration(), o.nonce(), o.feeRateBps(),
                        o.side().ordinal(), o.signatureType().code())
                : String.format("{\"salt\":%d,\"maker\":\"%s\",\"signer\":\"%s\",\"tokenId\":\"%s\","
                        + "\"makerAmount\":%d,\"takerAmount\":%d,\"side\":%d,\"signatureType\":%d,\"timestamp\":%d,"
                        + "\"metadata\":\"%s\",\"builder\":\"%s\"}", o.salt(), o.maker(), o.signer(), o.tokenId(),
                        o.makerAmount(), o.takerAmount(), o.side().ordinal(), o.signatureType().code(), o.timestamp(),
                        o.metadataHex(), o.builderHex());
        return "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
                + "{\"name\":\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"},"
                + "{\"name\":\"verifyingContract\",\"type\":\"address\"}],\"Order\":" + orderType + "},"
                + "\"primaryType\":\"Order\",\"domain\":{\"name\":\"" + domain.name() + "\",\"version\":\""
                + domain.version() + "\",\"chainId\":" + domain.chainId() + ",\"verifyingContract\":\""
                + domain.verifyingContract() + "\"},\"message\":" + message + "}";
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] pad32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int skip = raw.length > 32 ? raw.length - 32 : 0;
        System.arraycopy(raw, skip, out, 32 - (raw.length - skip), raw.length - skip);
        return out;
    }
}
