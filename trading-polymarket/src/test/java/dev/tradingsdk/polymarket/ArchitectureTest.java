package dev.tradingsdk.polymarket;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "dev.tradingsdk.polymarket", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnCoreAndItself = noClasses()
            .that().resideInAPackage("dev.tradingsdk.polymarket..")
            .should().dependOnClassesThat(resideInAPackage("dev.tradingsdk..")
                    .and(not(resideInAnyPackage("dev.tradingsdk.core..", "dev.tradingsdk.polymarket.."))))
            .because("feature modules depend on trading-core only");

    @ArchTest
    static final ArchRule doesNotUseCoreInternals = noClasses()
            .that().resideInAPackage("dev.tradingsdk.polymarket..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core..internal..")
            .because("internal packages are not used outside their module");

    @ArchTest
    static final ArchRule valuesDoNotDependOnClientsOrAdapters = noClasses()
            .that().resideInAnyPackage("dev.tradingsdk.polymarket.signing..", "dev.tradingsdk.polymarket.order..",
                    "dev.tradingsdk.polymarket.dto..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradingsdk.polymarket",
                    "dev.tradingsdk.polymarket.gateway..", "dev.tradingsdk.polymarket.arb..")
            .because("signing, order amounts and DTOs are plain values the clients, adapters and strategy build on");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
