package dev.tradingsdk.kalshi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.RestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the copied vector files under src/test/resources/vectors (see SOURCES.md there). */
final class Vectors {

    static final ObjectMapper JSON = RestClient.defaultObjectMapper();

    private Vectors() {
    }

    static String text(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        try {
            return JSON.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON text of {@code pointer} (e.g. {@code /v2/response_200_cancel_DOC_EXAMPLE}) in {@code file}. */
    static String body(String file, String pointer) {
        JsonNode node = json(file).at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no " + pointer);
        }
        return node.toString();
    }
}
