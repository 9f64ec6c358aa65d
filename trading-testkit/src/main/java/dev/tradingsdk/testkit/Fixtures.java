package dev.tradingsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/**
 * Loads the payload vectors and fixtures that modules copy into {@code src/test/resources} (each copy says where it
 * came from in a SOURCES.md beside it), and turns recorded HTTP responses into MockWebServer responses.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The classpath resource {@code path} (no leading slash) as UTF-8 text; a missing one throws naming it. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** The classpath resource {@code path} as bytes; a missing one throws naming it. */
    public static byte[] bytes(String path) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        try (InputStream in = Fixtures.class.getResourceAsStream(absolute)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + absolute + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading test resource " + absolute, e);
        }
    }

    /** The classpath resource {@code path} parsed as JSON. */
    public static JsonNode json(String path) {
        try {
            return JSON.readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("test resource " + path + " is not JSON", e);
        }
    }

    /**
     * The element of the array {@code file.cases} (or {@code file} itself when it is an array) whose {@code name}
     * is {@code name}; throws naming the file and the case when there is none.
     */
    public static JsonNode namedCase(String path, String name) {
        JsonNode root = json(path);
        JsonNode cases = root.isArray() ? root : root.path("cases");
        for (JsonNode c : cases) {
            if (name.equals(c.path("name").asText(null))) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case named '" + name + "' in " + path);
    }

    /**
     * A recorded response ({@code {"status": 429, "headers": {...}, "body": ...}}) as a MockWebServer response. A
     * textual body is sent as it is; any other JSON body is sent as its JSON text.
     */
    public static MockResponse mockResponse(JsonNode recorded) {
        JsonNode body = recorded.path("body");
        MockResponse response = new MockResponse().setResponseCode(recorded.path("status").asInt(200))
                .setHeader("Content-Type", "application/json")
                .setBody(body.isTextual() ? body.asText() : body.isMissingNode() ? "" : body.toString());
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            response.setHeader(header.getKey(), header.getValue().asText());
        }
        return response;
    }
}
