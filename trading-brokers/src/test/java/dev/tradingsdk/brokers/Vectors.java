package dev.tradingsdk.brokers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shared broker payloads in {@code src/test/resources/vectors} (see SOURCES.md there). */
public final class Vectors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Vectors() {
    }

    public static JsonNode file(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/" + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case named {@code name} in {@code file}. */
    public static JsonNode testCase(String file, String name) {
        for (JsonNode c : file(file).path("cases")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new IllegalStateException("no case '" + name + "' in vectors/" + file);
    }

    /** The response body of case {@code name}, as compact JSON text. */
    public static String body(String file, String name) {
        return testCase(file, name).path("response").path("body").toString();
    }

    public static int status(String file, String name) {
        return testCase(file, name).path("response").path("status").asInt();
    }
}
