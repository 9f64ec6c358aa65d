package dev.tradingsdk.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Objects;

/**
 * Stores values as one-line JSON, so journal files can be read with {@code grep}, {@code jq} and friends.
 * Unknown fields are ignored on decode, so adding a field to an event type keeps old journals readable. For a
 * sealed family of events, annotate the interface with {@code @JsonTypeInfo}/{@code @JsonSubTypes}.
 */
public final class JsonCodec<T> implements JournalCodec<T> {

    private final ObjectMapper mapper;
    private final JavaType type;

    private JsonCodec(ObjectMapper mapper, JavaType type) {
        this.mapper = mapper;
        this.type = type;
    }

    public static <T> JsonCodec<T> of(Class<T> type) {
        return of(defaultMapper(), type);
    }

    public static <T> JsonCodec<T> of(ObjectMapper mapper, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new JsonCodec<>(checked(mapper), mapper.constructType(type));
    }

    public static <T> JsonCodec<T> of(ObjectMapper mapper, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return new JsonCodec<>(checked(mapper), mapper.constructType(type));
    }

    private static ObjectMapper checked(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        if (mapper.isEnabled(SerializationFeature.INDENT_OUTPUT)) {
            // Records are one line each; an indenting mapper would still be correct but no longer greppable.
            return mapper.copy().disable(SerializationFeature.INDENT_OUTPUT);
        }
        return mapper;
    }

    /** Jackson with unknown fields ignored and exact decimals. */
    public static ObjectMapper defaultMapper() {
        return new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    }

    @Override
    public byte[] encode(T value) {
        try {
            return mapper.writerFor(type).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + type + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot decode " + type + " from JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonCodec[" + type + "]";
    }
}
