package dev.tradingsdk.core.sweep;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A SHA-256 over what a run did (its fills, its equity samples, anything the task feeds it), so two runs can be
 * compared by one string. Each value is written with its type and length, so different sequences never collide by
 * concatenation.
 */
public final class RunDigest {

    private final MessageDigest sha256;

    private RunDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static RunDigest sha256() {
        return new RunDigest();
    }

    public RunDigest add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha256.update((byte) 'S');
        add(bytes.length);
        sha256.update(bytes);
        return this;
    }

    public RunDigest add(long value) {
        sha256.update((byte) 'L');
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha256.update((byte) (value >>> shift));
        }
        return this;
    }

    /** A price: its raw long and its precision, so 1.0 and 1.00 differ as the values do. */
    public RunDigest add(Price value) {
        return add(value.raw()).add(value.precision());
    }

    public RunDigest add(Quantity value) {
        return add(value.raw()).add(value.precision());
    }

    /** An amount of money: raw, precision and currency. */
    public RunDigest add(Money value) {
        return add(value.raw()).add(value.precision()).add(value.currency().toString());
    }

    public RunDigest add(Instant time) {
        return add(time.getEpochSecond()).add(time.getNano());
    }

    /** Every field of a fill that describes what happened: order and trade ids, instrument, side, price, size, fee and time. */
    public RunDigest add(Fill fill) {
        return add(fill.orderId().value()).add(fill.tradeId()).add(fill.instrument().id().toString()).add(fill.side().name())
                .add(fill.price()).add(fill.quantity()).add(fill.fee()).add(fill.timestamp());
    }

    /** The digest as 64 lowercase hex digits; the digest cannot be added to afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
