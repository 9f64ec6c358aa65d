package dev.tradingsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * trading-core's module descriptor exports every public package and no internal one, so users on the module path
 * see the API and cannot reach the internals (ARCHITECTURE.md rule 4). A new package fails this test until it is
 * exported in module-info.java, or named {@code internal}.
 */
class ModuleDescriptorTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void exports_every_public_package_and_no_internal_one() throws IOException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> packages = packagesWithClasses();
        Set<String> expected = packages.stream().filter(p -> !p.contains(".internal"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(descriptor.name()).isEqualTo("dev.tradingsdk.core");
        assertThat(exported).as("exports in trading-core/src/main/java/module-info.java").isEqualTo(expected);
        assertThat(exported).noneMatch(p -> p.contains(".internal"));
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
    }

    private static Set<String> packagesWithClasses() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString()
                            .equals("module-info.class"))
                    .map(f -> CLASSES.relativize(f.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
