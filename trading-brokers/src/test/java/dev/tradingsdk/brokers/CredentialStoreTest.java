package dev.tradingsdk.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    private static final String KEY_ID = "PKVISIBLEKEYID42";
    private static final String SECRET = "very-secret-value-that-must-not-leak";

    @TempDir
    Path dir;

    private final Map<String, String> env = Map.of(CredentialStore.ENV_KEY, CredentialStore.newKey());

    @Test
    void theFileHoldsNoPlaintextAndReadsBackWithTheSameKey() throws Exception {
        Path file = dir.resolve("creds.bin");
        CredentialStore store = CredentialStore.open(file, env);
        store.put("alice/alpaca", Credentials.of(KEY_ID, SECRET));

        byte[] bytes = Files.readAllBytes(file);
        String asText = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain(SECRET).doesNotContain(KEY_ID).doesNotContain("alice")
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(asText).startsWith("TSDKCRED");

        CredentialStore reopened = CredentialStore.open(file, env);
        Credentials read = reopened.get("alice/alpaca").orElseThrow();
        assertThat(read.keyId()).isEqualTo(KEY_ID);
        assertThat(read.secret().reveal()).isEqualTo(SECRET);
        assertThat(reopened.names()).containsExactly("alice/alpaca");
        assertThat(reopened.get("bob/alpaca")).isEmpty();
    }

    @Test
    void aWrongKeyFailsClearly() {
        Path file = dir.resolve("creds.bin");
        CredentialStore.open(file, env).put("alice/alpaca", Credentials.of(KEY_ID, SECRET));

        Map<String, String> other = Map.of(CredentialStore.ENV_KEY, CredentialStore.newKey());
        assertThatThrownBy(() -> CredentialStore.open(file, other)).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("cannot decrypt credential store").hasMessageContaining(CredentialStore.ENV_KEY)
                .hasMessageContaining("not the key it was written with");
    }

    @Test
    void aTamperedFileFailsInsteadOfYieldingGarbage() throws Exception {
        Path file = dir.resolve("creds.bin");
        CredentialStore.open(file, env).put("alice/alpaca", Credentials.of(KEY_ID, SECRET));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> CredentialStore.open(file, env)).hasMessageContaining("or the file was altered");

        Files.writeString(file, "not a store");
        assertThatThrownBy(() -> CredentialStore.open(file, env)).hasMessageContaining("is not a credential store");
    }

    @Test
    void aMissingOrMalformedKeyIsNamedWithoutItsValue() {
        Path file = dir.resolve("creds.bin");
        assertThatThrownBy(() -> CredentialStore.open(file, Map.of()))
                .hasMessageContaining("environment variable TRADING_SDK_CREDENTIAL_KEY is not set");
        assertThatThrownBy(() -> CredentialStore.open(file, Map.of(CredentialStore.ENV_KEY, "c2hvcnQ=")))
                .hasMessageContaining("must decode to 32 bytes, not 5");
    }

    @Test
    void removeRewritesAndBadNamesAreRefused() {
        Path file = dir.resolve("creds.bin");
        CredentialStore store = CredentialStore.open(file, env);
        store.put("alice/alpaca", Credentials.of(KEY_ID, SECRET));
        store.put("bob/alpaca", Credentials.of("PKBOB000000000", "bob-secret"));
        assertThat(store.remove("alice/alpaca")).isTrue();
        assertThat(store.remove("alice/alpaca")).isFalse();
        assertThat(CredentialStore.open(file, env).names()).containsExactly("bob/alpaca");
        assertThatThrownBy(() -> store.put("../etc/passwd", Credentials.of(KEY_ID, SECRET)))
                .hasMessageContaining("\"../etc/passwd\"");
        assertThat(store.toString()).doesNotContain("bob-secret");
    }

    @Test
    void credentialsNeverPrintTheirSecretOrWholeKeyId() {
        Credentials c = Credentials.of(KEY_ID, SECRET);
        assertThat(c.toString()).doesNotContain(SECRET).doesNotContain(KEY_ID).contains("PK").contains("42");
        assertThat(String.valueOf(c.secret())).isEqualTo("Secret[***]");
        assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("APCA_API_KEY_ID", KEY_ID), "APCA_API_KEY_ID",
                "APCA_API_SECRET_KEY")).hasMessage("environment variable APCA_API_SECRET_KEY is not set");
    }
}
