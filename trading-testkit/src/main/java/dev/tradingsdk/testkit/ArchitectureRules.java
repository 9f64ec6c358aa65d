package dev.tradingsdk.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The module rules of ARCHITECTURE.md, once, for every module's {@code ArchitectureTest}:
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.tradingsdk.kalshi", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static void followsTheModuleRules(JavaClasses classes) {
 *         ArchitectureRules.featureModule("dev.tradingsdk.kalshi").check(classes);
 *     }
 * }
 * }</pre>
 * The rules do not allow an empty match: a module whose package holds no classes fails, so a typo in the package
 * name cannot make every rule pass vacuously.
 */
public final class ArchitectureRules {

    /** The feature modules' base packages; each may depend on core only (rule 2). */
    static final Set<String> FEATURE_PACKAGES = Set.of("dev.tradingsdk.cfd", "dev.tradingsdk.polymarket",
            "dev.tradingsdk.kalshi", "dev.tradingsdk.brokers", "dev.tradingsdk.llm", "dev.tradingsdk.spark");

    /** Packages no library module may use: the apps and the benchmarks sit on top of everything. */
    private static final String[] TOP_PACKAGES = {"dev.tradingsdk.examples..", "dev.tradingsdk.benchmarks..",
            "dev.tradingsdk.testkit.."};

    private ArchitectureRules() {
    }

    /**
     * Rules 1, 4 and 5 for trading-core: no other module of ours; of third parties only slf4j, Jackson, OkHttp
     * (with okio and kotlin) and the CSV tokenizer; internals private; logging through slf4j only.
     */
    public static ArchRule core() {
        ArchRule onlyItsLibraries = classes().that().resideInAPackage("dev.tradingsdk.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "dev.tradingsdk.core..",
                        "org.slf4j..", "com.fasterxml.jackson..", "okhttp3..", "okio..", "kotlin..",
                        "org.apache.commons.csv..")
                .because("ARCHITECTURE.md rule 1: core depends on no other module and on four libraries");
        return CompositeArchRule.of(onlyItsLibraries).and(internalsStayIn("dev.tradingsdk.core"))
                .and(loggingOnlyThroughSlf4j());
    }

    /**
     * Rules 2, 4 and 5 for a feature module: of our modules it uses core only, and none of core's internals; its
     * own internals are private to it; logging through slf4j only.
     *
     * @param basePackage the module's base package, for example {@code dev.tradingsdk.kalshi}
     */
    public static ArchRule featureModule(String basePackage) {
        Objects.requireNonNull(basePackage, "basePackage");
        if (!FEATURE_PACKAGES.contains(basePackage)) {
            throw new IllegalArgumentException("basePackage " + basePackage + " is not a feature module; expected one of "
                    + FEATURE_PACKAGES.stream().sorted().toList());
        }
        List<String> forbidden = new ArrayList<>();
        for (String other : FEATURE_PACKAGES) {
            if (!other.equals(basePackage)) {
                forbidden.add(other + "..");
            }
        }
        forbidden.addAll(List.of(TOP_PACKAGES));
        ArchRule onlyCore = noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("ARCHITECTURE.md rule 2: feature modules depend on trading-core only; what they share goes"
                        + " into core");
        ArchRule noCoreInternals = noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core..internal..")
                .because("ARCHITECTURE.md rule 4: core's internal packages are private to core");
        return CompositeArchRule.of(onlyCore).and(noCoreInternals).and(internalsStayIn(basePackage))
                .and(loggingOnlyThroughSlf4j());
    }

    /** Rule 4: classes in {@code basePackage..internal..} are used only from inside {@code basePackage}. */
    public static ArchRule internalsStayIn(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..internal..")
                .should().onlyBeAccessed().byAnyPackage(basePackage + "..")
                .because("ARCHITECTURE.md rule 4: internal packages are private to their module")
                // A module need not have internals; the module rules above fail on an empty module instead.
                .allowEmptyShould(true);
    }

    /** Rule 5: no {@code System.out}/{@code System.err} and no java.util.logging in library code. */
    public static ArchRule loggingOnlyThroughSlf4j() {
        return CompositeArchRule.of(NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS).and(NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
    }

    /** Checks {@link #core()} or {@link #featureModule(String)}, whichever {@code basePackage} names. */
    public static void checkModule(String basePackage, JavaClasses classes) {
        ArchRule rule = "dev.tradingsdk.core".equals(basePackage) ? core() : featureModule(basePackage);
        rule.check(classes);
    }
}
