package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.InvalidRequestException;
import dev.tradingsdk.polymarket.signing.SignatureSetupException;

/**
 * The exchange rejected the order signature. Usually the maker (funder), signer and signature type do not fit together
 * (see {@link SignatureSetupException}), or the order was signed for the wrong exchange (neg-risk flag, chain or order
 * version).
 */
public final class InvalidSignatureException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(ApiError error) {
        super(error);
    }
}
