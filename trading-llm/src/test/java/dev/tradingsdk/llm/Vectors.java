package dev.tradingsdk.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/** The shared LLM vectors in src/test/resources/vectors (see SOURCES.md there). */
public final class Vectors {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    public static JsonNode file(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode testCase(String file, String name) {
        for (JsonNode c : file(file).get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case " + name + " in " + file);
    }

    /** The case's recorded response as a MockWebServer response: status, headers and body bytes. */
    public static MockResponse response(String file, String name) {
        JsonNode response = testCase(file, name).get("response");
        MockResponse mock = new MockResponse().setResponseCode(response.get("status").asInt());
        JsonNode headers = response.get("headers");
        if (headers != null) {
            for (Map.Entry<String, JsonNode> h : headers.properties()) {
                mock.setHeader(h.getKey(), h.getValue().asText());
            }
        }
        return mock.setHeader("content-type", "application/json").setBody(response.get("body").toString());
    }

    public static JsonNode requestBody(String file, String name) {
        return testCase(file, name).get("request").get("body");
    }

    /** Every field of {@code expected} is in {@code actual} with the same value; extra fields are listed. */
    public static void assertSameFields(JsonNode actual, JsonNode expected, String... allowedExtra) {
        for (Map.Entry<String, JsonNode> f : expected.properties()) {
            JsonNode a = actual.get(f.getKey());
            if (a != null && a.isNumber() && f.getValue().isNumber()) {
                assertThat(a.decimalValue()).as(f.getKey()).isEqualByComparingTo(f.getValue().decimalValue());
            } else {
                assertThat(a).as(f.getKey()).isEqualTo(f.getValue());
            }
        }
        for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!expected.has(name)) {
                assertThat(allowedExtra).as("unexpected field " + name).contains(name);
            }
        }
    }
}
