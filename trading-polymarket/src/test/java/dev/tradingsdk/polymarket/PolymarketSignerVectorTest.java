package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.internal.Eip712;
import dev.tradingsdk.polymarket.internal.Hex;
import dev.tradingsdk.polymarket.internal.Keccak;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import dev.tradingsdk.polymarket.signing.ClobOrder;
import dev.tradingsdk.polymarket.signing.EthAddress;
import dev.tradingsdk.polymarket.signing.ExchangeContracts;
import dev.tradingsdk.polymarket.signing.ExchangeDomain;
import dev.tradingsdk.polymarket.signing.OrderStruct;
import dev.tradingsdk.polymarket.signing.PolymarketSigner;
import dev.tradingsdk.polymarket.signing.SignatureType;
import dev.tradingsdk.polymarket.signing.SignedClobOrder;
import dev.tradingsdk.polymarket.signing.WalletKey;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolymarketSignerVectorTest {
    private static final JsonNode ORDERS = Vectors.json("vectors/eip712-order.json");

    static Stream<JsonNode> orderVectors() {
        return StreamSupport.stream(ORDERS.get("vectors").spliterator(), false);
    }

    static Stream<JsonNode> clobAuthVectors() {
        return StreamSupport.stream(Vectors.json("vectors/clob-auth.json").get("vectors").spliterator(), false);
    }

    static Stream<JsonNode> hmacVectors() {
        return StreamSupport.stream(Vectors.json("vectors/hmac.json").get("vectors").spliterator(), false);
    }

    private static OrderStruct struct(JsonNode vector) {
        return "v1".equals(vector.get("version").asText()) ? OrderStruct.V1 : OrderStruct.V2;
    }

    private static ExchangeDomain domain(JsonNode vector) {
        JsonNode d = vector.get("domain");
        return ExchangeDomain.of(d.get("name").asText(), d.get("version").asText(), d.get("chainId").asLong(),
                EthAddress.of(d.get("verifyingContract").asText()), struct(vector));
    }

    private static ClobOrder order(JsonNode vector) {
        JsonNode m = vector.get("message");
        ClobOrder.Builder b = ClobOrder.builder()
                .salt(m.get("salt").asLong())
                .maker(EthAddress.of(m.get("maker").asText()))
                .signer(EthAddress.of(m.get("signer").asText()))
                .tokenId(m.get("tokenId").asText())
                .makerAmount(Long.parseLong(m.get("makerAmount").asText()))
                .takerAmount(Long.parseLong(m.get("takerAmount").asText()))
                .side(m.get("side").asInt() == 0 ? Side.BUY : Side.SELL)
                .signatureType(SignatureType.ofCode(m.get("signatureType").asInt()));
        if (struct(vector) == OrderStruct.V1) {
            b.taker(EthAddress.of(m.get("taker").asText()))
                    .expiration(Long.parseLong(m.get("expiration").asText()))
                    .nonce(Long.parseLong(m.get("nonce").asText()))
                    .feeRateBps(Long.parseLong(m.get("feeRateBps").asText()));
        } else {
            b.timestamp(Long.parseLong(m.get("timestamp").asText()))
                    .metadata(m.get("metadata").asText())
                    .builderCode(m.get("builder").asText());
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderVectors")
    void orderSignatureMatchesOfficialClients(JsonNode vector) {
        WalletKey key = WalletKey.fromHex(vector.get("privateKey").asText());
        assertThat(key.address()).isEqualTo(EthAddress.of(vector.get("signerAddress").asText()));
        assertThat(struct(vector).typeString()).isEqualTo(vector.get("orderTypeString").asText());
        ClobOrder order = order(vector);
        ExchangeDomain domain = domain(vector);
        if (vector.has("expectedDigest")) {
            assertThat(PolymarketSigner.orderHash(order, domain)).isEqualTo(vector.get("expectedDigest").asText());
        }
        SignedClobOrder signed = new PolymarketSigner(key).sign(order, domain);
        assertThat(signed.signature()).isEqualTo(vector.get("expectedSignature").asText());
    }

    @Test
    void derivedIntermediatesMatch() {
        JsonNode derived = ORDERS.get("derivedIntermediates");
        assertThat(Hex.encode0x(Keccak.hash(OrderStruct.V1.typeString())))
                .isEqualTo(derived.get("v1OrderTypeHash").asText());
        assertThat(Hex.encode0x(Keccak.hash(OrderStruct.V2.typeString())))
                .isEqualTo(derived.get("v2OrderTypeHash").asText());
        assertThat(Hex.encode0x(Eip712.DOMAIN_WITH_CONTRACT_TYPEHASH))
                .isEqualTo(derived.get("eip712DomainTypeHash").asText());
        JsonNode poly1271 = ORDERS.get("vectors").get(4);
        assertThat(Hex.encode0x(PolymarketSigner.structHash(order(poly1271), OrderStruct.V2)))
                .isEqualTo(derived.get("v2ContentsHash_poly1271Message").asText());
        assertThat(Hex.encode0x(PolymarketSigner.structHash(order(ORDERS.get("vectors").get(0)), OrderStruct.V1)))
                .isEqualTo(derived.get("v1StructHash_baseMessage").asText());
        assertThat(Hex.encode0x(Keccak.hash(poly1271.get("poly1271Wrapper").get("typedDataSignTypeString").asText())))
                .isEqualTo(derived.get("typedDataSignTypeHash_v2").asText());
        Iterator<Map.Entry<String, JsonNode>> separators = derived.get("domainSeparators").properties().iterator();
        int checked = 0;
        while (separators.hasNext()) {
            Map.Entry<String, JsonNode> entry = separators.next();
            String[] parts = entry.getKey().split("\\|");
            int version = Integer.parseInt(parts[0].substring(1));
            long chainId = Long.parseLong(parts[1]);
            EthAddress contract = EthAddress.of(parts[2]);
            ExchangeDomain domain = ExchangeDomain.of(Integer.toString(version), chainId, contract,
                    version == 1 ? OrderStruct.V1 : OrderStruct.V2);
            assertThat(Hex.encode0x(domain.separator())).as(entry.getKey()).isEqualTo(entry.getValue().asText());
            checked++;
        }
        assertThat(checked).isEqualTo(8);
    }

    @Test
    void defaultContractsCarryThePublishedDomains() {
        JsonNode separators = ORDERS.get("derivedIntermediates").get("domainSeparators");
        ExchangeContracts v2 = ExchangeContracts.defaults(2, ExchangeContracts.POLYGON);
        assertThat(Hex.encode0x(v2.domain(false).separator()))
                .isEqualTo(separators.get("v2|137|0xE111180000d2663C0091e4f400237545B87B996B").asText());
        assertThat(Hex.encode0x(v2.domain(true).separator()))
                .isEqualTo(separators.get("v2|137|0xe2222d279d744050d28e00520010520000310F59").asText());
        ExchangeContracts v1 = ExchangeContracts.defaults(1, ExchangeContracts.POLYGON);
        assertThat(Hex.encode0x(v1.domain(false).separator()))
                .isEqualTo(separators.get("v1|137|0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E").asText());
        assertThat(Hex.encode0x(v1.domain(true).separator()))
                .isEqualTo(separators.get("v1|137|0xC5d563A36AE78145C45a50134d48A1215220f80a").asText());
        assertThat(v1.domain(false).struct()).isEqualTo(OrderStruct.V1);
        assertThat(ExchangeContracts.defaults(2, ExchangeContracts.AMOY).domain(false).chainId()).isEqualTo(80002);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clobAuthVectors")
    void clobAuthSignatureMatchesOfficialClient(JsonNode vector) {
        PolymarketSigner signer = new PolymarketSigner(WalletKey.fromHex(vector.get("privateKey").asText()));
        assertThat(signer.address()).isEqualTo(EthAddress.of(vector.get("address").asText()));
        assertThat(signer.clobAuthSignature(vector.get("chainId").asLong(), vector.get("timestamp").asText(),
                vector.get("nonce").asLong())).isEqualTo(vector.get("expectedSignature").asText());
    }

    @Test
    void l1HeadersCarryTheSignedTimestampAndNonce() {
        JsonNode vector = Vectors.json("vectors/clob-auth.json").get("vectors").get(0);
        PolymarketSigner signer = new PolymarketSigner(WalletKey.fromHex(vector.get("privateKey").asText()));
        Map<String, String> headers = signer.l1Headers(80002, 10_000_000L, 23);
        assertThat(headers).containsEntry("POLY_ADDRESS", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
                .containsEntry("POLY_SIGNATURE", vector.get("expectedSignature").asText())
                .containsEntry("POLY_TIMESTAMP", "10000000")
                .containsEntry("POLY_NONCE", "23");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hmacVectors")
    void hmacMatchesOfficialClient(JsonNode vector) {
        String body = vector.has("body") && !vector.get("body").isNull() ? vector.get("body").asText()
                : vector.has("bodyPythonDict") ? "{\"hash\": \"0x123\"}" : null;
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        assertThat(PolymarketSigner.hmacSignature(vector.get("secret").asText(), vector.get("timestamp").asText(),
                vector.get("method").asText(), vector.get("requestPath").asText(), bytes))
                .isEqualTo(vector.get("expected").asText());
        if (body == null) {
            assertThat(PolymarketSigner.hmacSignature(vector.get("secret").asText(), vector.get("timestamp").asText(),
                    vector.get("method").asText(), vector.get("requestPath").asText(), new byte[0]))
                    .isEqualTo(vector.get("expected").asText());
        }
    }

    @Test
    void l2HeadersSignExactlyTheGivenBytes() {
        PolymarketSigner signer = new PolymarketSigner(
                WalletKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        ApiCredentials credentials = new ApiCredentials("key-1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "pass");
        Map<String, String> headers = signer.l2Headers(credentials, 1_000_000L, "test-sign", "/orders",
                "{\"hash\": \"0x123\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(headers).containsEntry("POLY_SIGNATURE", "ZwAdJKvoYRlEKDkNMwd5BuwNNtg93kNaR_oU2HrfVvc=")
                .containsEntry("POLY_API_KEY", "key-1").containsEntry("POLY_PASSPHRASE", "pass")
                .containsEntry("POLY_TIMESTAMP", "1000000");
        Map<String, String> compact = signer.l2Headers(credentials, 1_000_000L, "test-sign", "/orders",
                "{\"hash\":\"0x123\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(compact.get("POLY_SIGNATURE")).isNotEqualTo(headers.get("POLY_SIGNATURE"));
    }
}
