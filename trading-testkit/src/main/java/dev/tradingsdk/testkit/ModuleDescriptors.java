package dev.tradingsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a module's compiled descriptor against its classes: it has the expected name, exports every package that
 * holds classes except the {@code internal} ones, and exports no internal package (ARCHITECTURE.md rule 4). Run it
 * from the module's tests, where Maven's working directory is the module.
 */
public final class ModuleDescriptors {

    private ModuleDescriptors() {
    }

    /** Asserts the rule for {@code target/classes} of the module under test. */
    public static void assertExportsEveryPublicPackage(String moduleName) {
        assertExportsEveryPublicPackage(Path.of("target/classes"), moduleName);
    }

    public static void assertExportsEveryPublicPackage(Path classes, String moduleName) {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no module-info.class in " + classes.toAbsolutePath(), e);
        }
        Set<String> exported = descriptor.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = packagesWithClasses(classes).stream().filter(p -> !p.contains(".internal"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(descriptor.name()).isEqualTo(moduleName);
        assertThat(exported).as("the exports of %s's module-info.java", moduleName).isEqualTo(expected);
    }

    private static Set<String> packagesWithClasses(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")
                            && !f.getFileName().toString().equals("module-info.class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + classes, e);
        }
    }
}
