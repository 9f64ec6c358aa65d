package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import dev.tradingsdk.polymarket.signing.ClobOrder;
import dev.tradingsdk.polymarket.signing.EthAddress;
import dev.tradingsdk.polymarket.signing.ExchangeContracts;
import dev.tradingsdk.polymarket.signing.ExchangeDomain;
import dev.tradingsdk.polymarket.signing.PolymarketSigner;
import dev.tradingsdk.polymarket.signing.SignatureSetupException;
import dev.tradingsdk.polymarket.signing.SignatureType;
import dev.tradingsdk.polymarket.signing.WalletKey;
import org.junit.jupiter.api.Test;

class SignaturePairingTest {
    private static final WalletKey KEY =
            WalletKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final EthAddress OWN = KEY.address();
    private static final EthAddress PROXY = EthAddress.of("0x1111111111111111111111111111111111111111");
    private static final ExchangeDomain V2 = ExchangeContracts.defaults(2, ExchangeContracts.POLYGON).domain(false);
    private static final ExchangeDomain V1 = ExchangeContracts.defaults(1, ExchangeContracts.POLYGON).domain(false);
    private final PolymarketSigner signer = new PolymarketSigner(KEY);

    private static ClobOrder order(EthAddress maker, EthAddress signer, SignatureType type) {
        return ClobOrder.builder().salt(1).maker(maker).signer(signer).tokenId("1234").makerAmount(1_000_000)
                .takerAmount(2_000_000).side(Side.BUY).signatureType(type).timestamp(1_777_000_000_000L).build();
    }

    @Test
    void eoaWithAProxyFunderIsExplained() {
        assertThatThrownBy(() -> signer.sign(order(PROXY, OWN, SignatureType.EOA), V2))
                .isInstanceOf(SignatureSetupException.class)
                .hasMessageContaining("EOA (0)").hasMessageContaining(PROXY.toString())
                .hasMessageContaining("POLY_PROXY (1)").hasMessageContaining("POLY_GNOSIS_SAFE (2)");
    }

    @Test
    void clientRefusesABadFunderPairingWhenBuiltNotAtTheFirstOrder() {
        assertThatThrownBy(() -> ClobClient.builder().walletKey(KEY).funder(PROXY, SignatureType.EOA).build())
                .isInstanceOf(SignatureSetupException.class).hasMessageContaining("EOA (0)")
                .hasMessageContaining(PROXY.toString()).hasMessageContaining("POLY_PROXY (1)");
        assertThatThrownBy(() -> ClobClient.builder().walletKey(KEY).funder(OWN, SignatureType.POLY_1271).build())
                .isInstanceOf(SignatureSetupException.class).hasMessageContaining("deposit wallet");
        assertThatThrownBy(() -> ClobClient.builder().walletKey(KEY).funder(OWN, SignatureType.POLY_GNOSIS_SAFE)
                .build()).isInstanceOf(SignatureSetupException.class).hasMessageContaining("Safe");
        assertThat(ClobClient.builder().walletKey(KEY).funder(OWN, SignatureType.EOA).build().funder()).isEqualTo(OWN);
        assertThat(ClobClient.builder().walletKey(KEY).funder(PROXY, SignatureType.POLY_1271).build().funder())
                .isEqualTo(PROXY);
        assertThat(ClobClient.builder().funder(PROXY, SignatureType.EOA).build().signerAddress()).isNull();
    }

    @Test
    void proxyAndSafeNeedAFunderOtherThanTheKey() {
        assertThatThrownBy(() -> signer.sign(order(OWN, OWN, SignatureType.POLY_PROXY), V2))
                .isInstanceOf(SignatureSetupException.class).hasMessageContaining("proxy wallet");
        assertThatThrownBy(() -> signer.sign(order(OWN, OWN, SignatureType.POLY_GNOSIS_SAFE), V2))
                .isInstanceOf(SignatureSetupException.class).hasMessageContaining("Safe");
        assertThatThrownBy(() -> signer.sign(order(PROXY, PROXY, SignatureType.POLY_GNOSIS_SAFE), V2))
                .isInstanceOf(SignatureSetupException.class).hasMessageContaining("signer = the key's address");
        assertThat(signer.sign(order(PROXY, OWN, SignatureType.POLY_GNOSIS_SAFE), V2).signature()).hasSize(132);
        assertThat(signer.sign(order(OWN, OWN, SignatureType.EOA), V1).signature()).hasSize(132);
    }

    @Test
    void depositWalletNeedsV2AndMakerEqualSigner() {
        assertThatThrownBy(() -> signer.sign(order(PROXY, PROXY, SignatureType.POLY_1271), V1))
                .isInstanceOf(SignatureSetupException.class).hasMessageContaining("only on exchange V2");
        assertThatThrownBy(() -> signer.sign(order(PROXY, OWN, SignatureType.POLY_1271), V2))
                .isInstanceOf(SignatureSetupException.class).hasMessageContaining("maker = signer");
    }

    @Test
    void secretsNeverPrint() {
        assertThat(KEY.toString()).doesNotContain("ac0974").contains(OWN.toString());
        assertThatThrownBy(() -> WalletKey.fromHex("0xzz0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"))
                .hasMessageNotContaining("0974");
        ApiCredentials credentials = new ApiCredentials("k", "c2VjcmV0", "zq9xw7");
        assertThat(credentials.toString()).doesNotContain("c2VjcmV0").doesNotContain("zq9xw7");
    }

    @Test
    void addressesValidateChecksums() {
        assertThatThrownBy(() -> EthAddress.of("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))
                .hasMessageContaining("checksum");
        assertThat(EthAddress.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")).isEqualTo(OWN);
        assertThatThrownBy(() -> EthAddress.of("0x1234")).hasMessageContaining("40 hex digits");
    }
}
