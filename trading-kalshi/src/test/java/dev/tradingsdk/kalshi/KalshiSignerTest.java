package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the signer against auth-signing.json: the signed strings exactly, signatures by verification. */
class KalshiSignerTest {

    private static final JsonNode VECTORS = Vectors.json("auth-signing.json");
    private static final String KEY_ID = VECTORS.get("key_id_example").asText();

    @Test
    void signedStringsMatchEveryCaseExactly() {
        for (JsonNode c : VECTORS.get("cases")) {
            String url = c.get("request_url").asText();
            String path = url.substring(url.indexOf("/trade-api/"));
            long ts = Long.parseLong(c.get("timestamp_ms").asText());
            assertThat(KalshiSigner.stringToSign(ts, c.get("method").asText(), path))
                    .isEqualTo(c.get("string_to_sign").asText());
        }
    }

    @Test
    void theVectorSignaturesVerifyUnderTheSameParameters() throws Exception {
        for (JsonNode c : VECTORS.get("cases")) {
            assertThat(verify(c.get("string_to_sign").asText(), c.get("sample_signature_b64").asText()))
                    .as(c.get("string_to_sign").asText()).isTrue();
        }
    }

    @Test
    void ourSignaturesVerifyWithBothKeyEncodings() throws Exception {
        for (String field : new String[] {"private_key_pem_pkcs1", "private_key_pem_pkcs8"}) {
            for (JsonNode c : VECTORS.get("cases")) {
                long ts = Long.parseLong(c.get("timestamp_ms").asText());
                SimulatedClock clock = new SimulatedClock(Instant.ofEpochMilli(ts));
                KalshiSigner signer = KalshiSigner.fromPem(KEY_ID, VECTORS.get(field).asText(), clock);
                String url = c.get("request_url").asText();
                Map<String, String> headers = signer.headers(c.get("method").asText(),
                        url.substring(url.indexOf("/trade-api/")));
                JsonNode expected = c.get("expected_headers_except_signature");
                assertThat(headers.get(KalshiSigner.KEY_HEADER)).isEqualTo(expected.get("KALSHI-ACCESS-KEY").asText());
                assertThat(headers.get(KalshiSigner.TIMESTAMP_HEADER))
                        .isEqualTo(expected.get("KALSHI-ACCESS-TIMESTAMP").asText());
                assertThat(verify(c.get("string_to_sign").asText(), headers.get(KalshiSigner.SIGNATURE_HEADER)))
                        .as(field + " " + c.get("string_to_sign").asText()).isTrue();
            }
        }
    }

    @Test
    void aSignatureOverAnotherStringDoesNotVerify() throws Exception {
        KalshiSigner signer = KalshiSigner.fromPem(KEY_ID, VECTORS.get("private_key_pem_pkcs1").asText());
        String signature = signer.signature("1703123456789GET/trade-api/v2/portfolio/balance");
        assertThat(verify("1703123456790GET/trade-api/v2/portfolio/balance", signature)).isFalse();
    }

    @Test
    void ed25519KeysSignTheSameText() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        KalshiSigner signer = KalshiSigner.fromPem("k", pem);
        assertThat(signer.algorithm()).isEqualTo("Ed25519");
        String message = "1703123456789GET/trade-api/ws/v2";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signer.signature(message)))).isTrue();
    }

    @Test
    void badKeysAreRefusedWithAClearMessageAndNoKeyMaterial(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> KalshiSigner.fromPem(KEY_ID, VECTORS.get("public_key_pem").asText()))
                .isInstanceOf(KalshiKeyException.class).hasMessageContaining("public key");
        assertThatThrownBy(() -> KalshiSigner.fromPem(KEY_ID, "not a key"))
                .isInstanceOf(KalshiKeyException.class).hasMessageContaining("not a PEM private key");
        assertThatThrownBy(() -> KalshiSigner.fromPem(KEY_ID,
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"))
                .isInstanceOf(KalshiKeyException.class).hasMessageContaining("encrypted");
        String damaged = VECTORS.get("private_key_pem_pkcs1").asText().replace("MIIEowIBAAKCAQEA", "MIIEowIBAAKCAQ");
        assertThatThrownBy(() -> KalshiSigner.fromPem(KEY_ID, damaged))
                .isInstanceOf(KalshiKeyException.class).hasMessageContaining("not a valid RSA private key")
                .hasMessageNotContaining("MIIE");
        Path file = dir.resolve("kalshi.key");
        Files.writeString(file, "garbage");
        assertThatThrownBy(() -> KalshiSigner.fromPemFile(KEY_ID, file, new SimulatedClock()))
                .isInstanceOf(KalshiKeyException.class).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> KalshiSigner.fromPemFile(KEY_ID, dir.resolve("missing.key"), new SimulatedClock()))
                .isInstanceOf(KalshiKeyException.class).hasMessageContaining("cannot read");
    }

    @Test
    void toStringShowsTheKeyIdOnly() {
        KalshiSigner signer = KalshiSigner.fromPem(KEY_ID, VECTORS.get("private_key_pem_pkcs8").asText());
        assertThat(signer.toString()).isEqualTo("KalshiSigner[key " + KEY_ID + ", RSA]");
    }

    static boolean verify(String message, String signatureB64) throws Exception {
        String pem = VECTORS.get("public_key_pem").asText().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(pem)));
        Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        verifier.initVerify(publicKey);
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signatureB64));
    }
}
