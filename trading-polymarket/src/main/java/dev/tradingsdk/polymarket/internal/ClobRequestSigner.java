package dev.tradingsdk.polymarket.internal;

import dev.tradingsdk.core.http.RequestSigner;
import dev.tradingsdk.core.http.SignableRequest;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import dev.tradingsdk.polymarket.signing.PolymarketSigner;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Chooses the CLOB auth level by path: L1 (ClobAuth signature) for the API-key endpoints, L2 (HMAC over the exact
 * body bytes) for trading and account endpoints, none for market data. Runs on every attempt, so timestamps are
 * fresh after a retry.
 */
public final class ClobRequestSigner implements RequestSigner {
    private static final Set<String> L1_PATHS = Set.of("/auth/api-key", "/auth/derive-api-key");
    private static final Set<String> L2_PATHS = Set.of("/order", "/orders", "/cancel-all", "/cancel-market-orders",
            "/balance-allowance", "/v1/heartbeats", "/auth/api-keys");
    private static final String L2_PREFIX = "/data/";

    private final PolymarketSigner signer;
    private final long chainId;
    private final long l1Nonce;
    private final Clock clock;
    private final AtomicReference<ApiCredentials> credentials;
    private final AtomicLong serverOffsetSeconds = new AtomicLong();

    public ClobRequestSigner(PolymarketSigner signer, long chainId, long l1Nonce, Clock clock,
            AtomicReference<ApiCredentials> credentials) {
        this.signer = signer;
        this.chainId = chainId;
        this.l1Nonce = l1Nonce;
        this.clock = clock;
        this.credentials = credentials;
    }

    /** Seconds added to the local clock for auth timestamps, so a skewed local clock is not rejected. */
    public void serverOffsetSeconds(long offset) {
        serverOffsetSeconds.set(offset);
    }

    public long serverOffsetSeconds() {
        return serverOffsetSeconds.get();
    }

    public static boolean needsL2(String path) {
        return L2_PATHS.contains(path) || path.startsWith(L2_PREFIX);
    }

    @Override
    public void sign(SignableRequest request, SignatureOutput output) {
        String path = request.path();
        long now = clock.now().getEpochSecond() + serverOffsetSeconds.get();
        Map<String, String> headers;
        if (L1_PATHS.contains(path)) {
            if (signer == null) {
                throw new IllegalStateException(path + " needs a wallet key (ClobClient.builder().walletKey(...))");
            }
            headers = signer.l1Headers(chainId, now, l1Nonce);
        } else if (needsL2(path)) {
            ApiCredentials creds = credentials.get();
            if (signer == null || creds == null) {
                throw new IllegalStateException(path + " needs a wallet key and API credentials "
                        + "(set them on the builder or call createOrDeriveApiKey() first)");
            }
            headers = signer.l2Headers(creds, now, request.method().name(), path, request.body());
        } else {
            return;
        }
        headers.forEach(output::header);
    }

    @Override
    public String toString() {
        return "ClobRequestSigner[" + (signer == null ? "no key" : signer.address()) + "]";
    }
}
