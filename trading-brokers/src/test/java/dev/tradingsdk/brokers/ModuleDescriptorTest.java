package dev.tradingsdk.brokers;

import dev.tradingsdk.testkit.ModuleDescriptors;
import org.junit.jupiter.api.Test;

/** The module descriptor exports every public package and no internal one. */
class ModuleDescriptorTest {

    @Test
    void exportsEveryPublicPackage() {
        ModuleDescriptors.assertExportsEveryPublicPackage("dev.tradingsdk.brokers");
    }
}
