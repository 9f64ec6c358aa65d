package dev.tradingsdk.polymarket.signing;

/** The signed Order struct layout. Exchange domain version "3" reuses {@link #V2}. */
public enum OrderStruct {
    /** Legacy CTF Exchange (domain version "1"): taker, expiration, nonce and feeRateBps are signed. */
    V1("Order(uint256 salt,address maker,address signer,address taker,uint256 tokenId,uint256 makerAmount,"
            + "uint256 takerAmount,uint256 expiration,uint256 nonce,uint256 feeRateBps,uint8 side,uint8 signatureType)"),
    /** CTF Exchange V2 (since 2026-04-28): timestamp, metadata and builder instead. */
    V2("Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,"
            + "uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)");

    private final String typeString;

    OrderStruct(String typeString) {
        this.typeString = typeString;
    }

    /** The EIP-712 type string that is hashed into the type hash. */
    public String typeString() {
        return typeString;
    }
}
