package dev.tradingsdk.core.journal;

/**
 * Turns journal events (or snapshot states) into bytes and back. {@link JsonCodec} is the default; a codec must
 * decode whatever it encoded, including from an older version of the same program.
 */
public interface JournalCodec<T> {

    byte[] encode(T value);

    T decode(byte[] bytes);
}
