package dev.tradingsdk.core.journal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the http and journal packages standalone plumbing that every venue module can use. */
class HttpJournalArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tradingsdk.core.http", "dev.tradingsdk.core.journal");
    }

    @Test
    void httpAndJournalDependOnNoOtherCorePackageNorOnEachOther() {
        noClasses().that().resideInAPackage("dev.tradingsdk.core.http..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradingsdk.core.journal..")
            .check(classes);
        noClasses().that().resideInAPackage("dev.tradingsdk.core.journal..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradingsdk.core.http..")
            .check(classes);
        // FieldWriter/FieldReader encode domain values (prices, fills, instruments) for engine records by design;
        // the store itself (Journal, segments, snapshots, generic codecs) stays free of the domain.
        noClasses().that().resideInAnyPackage("dev.tradingsdk.core.http..", "dev.tradingsdk.core.journal..")
            .and().haveNameNotMatching("dev\\.tradingsdk\\.core\\.journal\\.Field(Reader|Writer)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradingsdk.core.num..",
                "dev.tradingsdk.core.order..", "dev.tradingsdk.core.instrument..", "dev.tradingsdk.core.gateway..")
            .check(classes);
    }

    @Test
    void thirdPartyDependenciesAreOnlyTheAllowedOnes() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..",
                "dev.tradingsdk.core..", "org.slf4j..", "com.fasterxml.jackson..", "okhttp3..", "okio..", "kotlin..",
                "com.github.benmanes.caffeine..", "org.jetbrains.annotations..")
            .check(classes);
    }

    @Test
    void noStandardStreamsAndNoJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
    }
}
