package dev.tradingsdk.core.instrument;

import dev.tradingsdk.core.InvalidInputException;

/** An instrument definition with a field out of range; names the instrument, the field and the value. */
public final class InvalidInstrumentException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidInstrumentException(InstrumentId id, String field, Object value, String reason) {
        this(String.valueOf(id), field, value, reason);
    }

    /** For a definition whose id itself is invalid: {@code instrument} is how the caller wrote it. */
    public InvalidInstrumentException(String instrument, String field, Object value, String reason) {
        super("instrument " + instrument, field, value, reason);
    }
}
