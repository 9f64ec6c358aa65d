package dev.tradingsdk.brokers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Named {@link Credentials} in one file encrypted at rest with AES-256-GCM. The key comes from the environment
 * ({@value #ENV_KEY}, 32 bytes in base64; {@link #newKey()} makes one), never from the file. The file is a magic
 * header, a version, a fresh 12-byte nonce and the ciphertext with its tag; the header is authenticated too, so any
 * change to the file, and any other key, fails with {@link CredentialStoreException} instead of yielding garbage.
 *
 * <p>Every change rewrites the whole file through a temporary file and an atomic rename, with owner-only
 * permissions where the file system has them. Names are like {@code alice/alpaca}; tenants use their id as the
 * first part. Thread-safe.
 */
public final class CredentialStore {

    public static final String ENV_KEY = "TRADING_SDK_CREDENTIAL_KEY";

    private static final byte[] MAGIC = "TSDKCRED".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}(/[A-Za-z0-9_.:\\-]{1,64})?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final SecretKey key;
    private final Map<String, Credentials> entries = new TreeMap<>();

    private CredentialStore(Path file, SecretKey key) {
        this.file = file;
        this.key = key;
        load();
    }

    /** Opens (or, on first {@link #put}, creates) the store at {@code file} with the key in {@value #ENV_KEY}. */
    public static CredentialStore open(Path file, Map<String, String> env) {
        String encoded = env.get(ENV_KEY);
        if (encoded == null || encoded.isBlank()) {
            throw new CredentialStoreException("environment variable " + ENV_KEY + " is not set; it must hold the "
                    + "store's 32-byte AES key in base64 (CredentialStore.newKey() makes one)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new CredentialStoreException("environment variable " + ENV_KEY + " is not base64", e);
        }
        if (raw.length != 32) {
            throw new CredentialStoreException("environment variable " + ENV_KEY + " must decode to 32 bytes, not "
                    + raw.length);
        }
        return open(file, new SecretKeySpec(raw, "AES"));
    }

    public static CredentialStore open(Path file, SecretKey key) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        return new CredentialStore(file, key);
    }

    /** A new random key in the form {@value #ENV_KEY} takes. */
    public static String newKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    public synchronized Optional<Credentials> get(String name) {
        checkName(name);
        return Optional.ofNullable(entries.get(name));
    }

    /** Stores (or replaces) {@code credentials} under {@code name} and rewrites the file. */
    public synchronized void put(String name, Credentials credentials) {
        checkName(name);
        Objects.requireNonNull(credentials, "credentials");
        Credentials previous = entries.put(name, credentials);
        try {
            save();
        } catch (RuntimeException e) {
            if (previous == null) {
                entries.remove(name);
            } else {
                entries.put(name, previous);
            }
            throw e;
        }
    }

    /** Removes {@code name}; false when it was not there. */
    public synchronized boolean remove(String name) {
        checkName(name);
        Credentials previous = entries.remove(name);
        if (previous == null) {
            return false;
        }
        try {
            save();
        } catch (RuntimeException e) {
            entries.put(name, previous);
            throw e;
        }
        return true;
    }

    public synchronized Set<String> names() {
        return Set.copyOf(entries.keySet());
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("credential name must be one or two '/'-separated parts of "
                    + "[A-Za-z0-9_.:-], was \"" + name + "\"");
        }
    }

    private void load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new CredentialStoreException("cannot read credential store " + file + ": " + e.getMessage(), e);
        }
        int header = MAGIC.length + 1;
        if (bytes.length < header + NONCE_BYTES + TAG_BITS / 8
                || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new CredentialStoreException(file + " is not a credential store (bad header or too short)");
        }
        if (bytes[MAGIC.length] != VERSION) {
            throw new CredentialStoreException(file + " is a credential store of version " + bytes[MAGIC.length]
                    + ", this library reads version " + VERSION);
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, header, NONCE_BYTES));
            cipher.updateAAD(bytes, 0, header);
            plain = cipher.doFinal(bytes, header + NONCE_BYTES, bytes.length - header - NONCE_BYTES);
            Map<String, Map<String, String>> stored = JSON.readValue(plain, new TypeReference<>() { });
            stored.forEach((name, c) -> entries.put(name, Credentials.of(c.get("keyId"), Secret.of(c.get("secret")))));
        } catch (AEADBadTagException e) {
            throw new CredentialStoreException("cannot decrypt credential store " + file + ": the key in " + ENV_KEY
                    + " is not the key it was written with, or the file was altered", e);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new CredentialStoreException("cannot read credential store " + file + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private void save() {
        Map<String, Map<String, String>> stored = new TreeMap<>();
        entries.forEach((name, c) -> stored.put(name, Map.of("keyId", c.keyId(), "secret", c.secret().reveal())));
        byte[] plain = null;
        try {
            plain = JSON.writeValueAsBytes(stored);
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 1 + NONCE_BYTES + plain.length + TAG_BITS / 8);
            out.put(MAGIC).put(VERSION).put(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(out.array(), 0, MAGIC.length + 1);
            out.put(cipher.doFinal(plain));
            write(out.array());
        } catch (GeneralSecurityException | IOException e) {
            throw new CredentialStoreException("cannot write credential store " + file + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (var channel = Files.newByteChannel(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(bytes));
            if (channel instanceof java.nio.channels.FileChannel fc) {
                fc.force(true);
            }
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "CredentialStore[" + file + ", " + entries.size() + " entries]";
    }
}
