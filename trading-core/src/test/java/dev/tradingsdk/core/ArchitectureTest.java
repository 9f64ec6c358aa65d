package dev.tradingsdk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** ARCHITECTURE.md rules 1, 4 and 5 for trading-core. */
@AnalyzeClasses(packages = "dev.tradingsdk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Rule 1: no other module of ours, and of third parties only slf4j, Jackson, OkHttp (okio, kotlin), Caffeine. */
    @ArchTest
    static final ArchRule coreDependsOnlyOnTheJdkAndItsFourLibraries = classes()
            .that().resideInAPackage("dev.tradingsdk.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "dev.tradingsdk.core..",
                    "org.slf4j..", "com.fasterxml.jackson..", "okhttp3..", "okio..", "kotlin..",
                    "com.github.benmanes.caffeine..");

    /** Rule 4: nothing outside core reaches into its internal packages (there is nothing else here to check). */
    @ArchTest
    static final ArchRule internalPackagesStayInCore = classes()
            .that().resideInAPackage("dev.tradingsdk.core..internal..")
            .should().onlyBeAccessed().byAnyPackage("dev.tradingsdk.core..")
            .allowEmptyShould(true);

    /** Rule 5: logging only through slf4j. */
    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
