package dev.tradingsdk.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README example must stay identical to {@link RiskGovernorTest}'s readmeExample method body. */
class RiskReadmeTest {

    @Test
    void readmeExampleMatchesTheTestMethod() throws IOException {
        String readme = Files.readString(Path.of("README-risk.md"));
        int open = readme.indexOf("```java\n") + "```java\n".length();
        String example = readme.substring(open, readme.indexOf("```", open));

        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/core/risk/RiskGovernorTest.java"));
        int method = source.indexOf("    void readmeExample() {");
        int bodyStart = source.indexOf('\n', method) + 1;
        int bodyEnd = source.indexOf("\n    }\n", bodyStart) + 1;
        StringBuilder body = new StringBuilder();
        for (String line : source.substring(bodyStart, bodyEnd).split("\n", -1)) {
            body.append(line.length() >= 8 ? line.substring(8) : line.strip()).append('\n');
        }
        assertThat(example).isEqualTo(body.substring(0, body.length() - 1));
    }
}
