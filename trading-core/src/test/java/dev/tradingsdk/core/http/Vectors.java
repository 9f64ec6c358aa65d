package dev.tradingsdk.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/** Reads the shared payload vectors copied into src/test/resources/vectors (see SOURCES.md there). */
final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    static JsonNode file(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded HTTP response of case {@code caseName} in {@code file} as a MockWebServer response. */
    static MockResponse errorCase(String file, String caseName) {
        for (JsonNode c : file(file).get("cases")) {
            if (c.get("name").asText().equals(caseName)) {
                JsonNode response = c.get("response");
                MockResponse mock = new MockResponse().setResponseCode(response.get("status").asInt())
                    .setHeader("Content-Type", "application/json")
                    .setBody(response.get("body").toString());
                JsonNode headers = response.get("headers");
                if (headers != null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = headers.properties().iterator(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> header = it.next();
                        mock.setHeader(header.getKey(), header.getValue().asText());
                    }
                }
                return mock;
            }
        }
        throw new IllegalArgumentException("no case " + caseName + " in " + file);
    }
}
