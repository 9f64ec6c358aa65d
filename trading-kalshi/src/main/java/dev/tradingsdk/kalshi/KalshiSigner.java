package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.http.RequestSigner;
import dev.tradingsdk.core.http.SignableRequest;
import dev.tradingsdk.core.time.Clock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Signs Kalshi requests: {@code KALSHI-ACCESS-SIGNATURE} = base64 of an RSA-PSS (SHA-256, MGF1-SHA-256, salt 32)
 * signature over {@code timestampMillis + METHOD + path}, where the path starts at {@code /trade-api/...} and
 * leaves out host and query; the body is not signed. Ed25519 keys (accepted by Kalshi since 2026-09) sign the
 * same text with Ed25519. The WebSocket upgrade signs {@code GET /trade-api/ws/v2}.
 *
 * <p>Keys are PEM: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what Kalshi's download gives) or PKCS#8
 * ({@code BEGIN PRIVATE KEY}, RSA or Ed25519). Thread-safe. {@link #toString()} shows only the key id.
 */
public final class KalshiSigner implements RequestSigner {

    public static final String KEY_HEADER = "KALSHI-ACCESS-KEY";
    public static final String SIGNATURE_HEADER = "KALSHI-ACCESS-SIGNATURE";
    public static final String TIMESTAMP_HEADER = "KALSHI-ACCESS-TIMESTAMP";

    /** The DER AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private final String keyId;
    private final PrivateKey key;
    private final boolean rsa;
    private final Clock clock;

    private KalshiSigner(String keyId, PrivateKey key, Clock clock) {
        this.keyId = keyId;
        this.key = key;
        this.rsa = "RSA".equals(key.getAlgorithm());
        this.clock = clock;
    }

    /** A signer for API key {@code keyId} with the private key in {@code pem}, timestamps from the system clock. */
    public static KalshiSigner fromPem(String keyId, String pem) {
        return fromPem(keyId, pem, Clock.system());
    }

    /** As {@link #fromPem(String, String)}, with timestamps from {@code clock}. */
    public static KalshiSigner fromPem(String keyId, String pem, Clock clock) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(clock, "clock");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
        return new KalshiSigner(keyId.strip(), parsePrivateKey(pem), clock);
    }

    /** A signer reading the PEM private key from {@code file}. */
    public static KalshiSigner fromPemFile(String keyId, Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KalshiKeyException("cannot read private key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        try {
            return fromPem(keyId, pem, clock);
        } catch (KalshiKeyException e) {
            throw new KalshiKeyException("private key file " + file + ": " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** {@code RSA} or {@code Ed25519}. */
    public String algorithm() {
        return rsa ? "RSA" : "Ed25519";
    }

    /**
     * The text Kalshi verifies: timestamp, upper-case method and the path without its query.
     *
     * @param path the URL path from the API root, e.g. {@code /trade-api/v2/portfolio/orders?limit=5}
     */
    public static String stringToSign(long timestampMillis, String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        if (!bare.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', was \"" + bare + "\"");
        }
        return timestampMillis + method.toUpperCase(Locale.ROOT) + bare;
    }

    /** The base64 signature of {@code message} (RSA-PSS is randomized: two calls give different bytes). */
    public String signature(String message) {
        Objects.requireNonNull(message, "message");
        try {
            Signature signature;
            if (rsa) {
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                signature = Signature.getInstance("Ed25519");
            }
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with the " + key.getAlgorithm() + " key failed: "
                + e.getClass().getSimpleName(), e);
        }
    }

    /** The three authentication headers for {@code method} and {@code path} at {@code timestampMillis}. */
    public Map<String, String> headers(long timestampMillis, String method, String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY_HEADER, keyId);
        headers.put(TIMESTAMP_HEADER, Long.toString(timestampMillis));
        headers.put(SIGNATURE_HEADER, signature(stringToSign(timestampMillis, method, path)));
        return headers;
    }

    /** The headers for a request sent now. */
    public Map<String, String> headers(String method, String path) {
        return headers(clock.now().toEpochMilli(), method, path);
    }

    @Override
    public void sign(SignableRequest request, SignatureOutput output) {
        headers(request.method().name(), request.path()).forEach(output::header);
    }

    @Override
    public String toString() {
        return "KalshiSigner[key " + keyId + ", " + algorithm() + "]";
    }

    private static PrivateKey parsePrivateKey(String pem) {
        String text = pem.strip();
        if (text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new KalshiKeyException("the private key is encrypted; decrypt it first "
                + "(openssl pkcs8 -in key.pem -out plain.pem)");
        }
        if (text.contains("BEGIN PUBLIC KEY") || text.contains("BEGIN RSA PUBLIC KEY")) {
            throw new KalshiKeyException("this is a public key; signing needs the private key Kalshi let you "
                + "download when the API key was created");
        }
        if (text.contains("BEGIN RSA PRIVATE KEY")) {
            byte[] pkcs1 = base64Body(text, "RSA PRIVATE KEY");
            return generate("RSA", wrapPkcs1(pkcs1));
        }
        if (text.contains("BEGIN PRIVATE KEY")) {
            byte[] pkcs8 = base64Body(text, "PRIVATE KEY");
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (InvalidKeySpecException notRsa) {
                return generate("Ed25519", pkcs8);
            } catch (GeneralSecurityException e) {
                throw new KalshiKeyException("RSA is not available in this JVM", e);
            }
        }
        throw new KalshiKeyException("not a PEM private key: expected a '-----BEGIN RSA PRIVATE KEY-----' or "
            + "'-----BEGIN PRIVATE KEY-----' block (the text is " + text.length() + " characters)");
    }

    private static PrivateKey generate(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new KalshiKeyException("the PEM block is not a valid " + ("RSA".equals(algorithm) ? "RSA"
                : "RSA or Ed25519") + " private key: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] base64Body(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new KalshiKeyException("PEM block '" + label + "' has no matching END line");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new KalshiKeyException("PEM block '" + label + "' is not valid base64", e);
        }
    }

    /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey: version 0, rsaEncryption, the key as an OCTET STRING. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.write(new byte[] {0x02, 0x01, 0x00}, 0, 3);
        inner.write(RSA_ALGORITHM_ID, 0, RSA_ALGORITHM_ID.length);
        inner.write(0x04);
        writeLength(inner, pkcs1.length);
        inner.write(pkcs1, 0, pkcs1.length);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x30);
        writeLength(outer, inner.size());
        byte[] content = inner.toByteArray();
        outer.write(content, 0, content.length);
        return outer.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xff) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xffff) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }
}
