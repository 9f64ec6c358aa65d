package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.polymarket.signing.EthAddress;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

/** Our EIP-55 checksum (no web3j at run time) against the EIP's own examples and web3j on random addresses. */
class EthAddressChecksumTest {

    /** The test vectors listed in EIP-55. */
    private static final String[] EIP55 = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    };

    @Test
    void the_eip55_examples_print_as_published_and_parse() {
        for (String address : EIP55) {
            assertThat(EthAddress.of(address.toLowerCase()).toChecksumHex()).isEqualTo(address);
            assertThat(EthAddress.of(address).toString()).isEqualTo(address);
        }
    }

    @Test
    void a_wrong_checksum_is_refused() {
        String wrong = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";
        assertThatThrownBy(() -> EthAddress.of(wrong)).hasMessageContaining("wrong EIP-55 checksum")
                .hasMessageContaining(wrong);
    }

    @Test
    void random_addresses_checksum_as_web3j_does() {
        SplittableRandom random = new SplittableRandom(55);
        byte[] bytes = new byte[20];
        for (int i = 0; i < 2_000; i++) {
            random.nextBytes(bytes);
            String lower = HexFormat.of().formatHex(bytes);
            assertThat(EthAddress.ofBytes(bytes).toChecksumHex()).isEqualTo(Keys.toChecksumAddress(lower));
        }
    }
}
