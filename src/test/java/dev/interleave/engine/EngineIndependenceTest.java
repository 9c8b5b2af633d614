package dev.interleave.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is plain Java: it depends on the JDK and on itself, nothing else (no framework, no logger). */
class EngineIndependenceTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.interleave.engine");

    @Test
    void engineDependsOnlyOnTheJdkAndItself() {
        classes()
                .that()
                .resideInAPackage("dev.interleave.engine..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.interleave.engine..")
                .because("the engine runs without Quarkus and reports only through RunListener")
                .check(ENGINE);
    }

    @Test
    void engineUsesNoFrameworkOrLogger() {
        noClasses()
                .that()
                .resideInAPackage("dev.interleave.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "javax..",
                        "io.quarkus..",
                        "io.smallrye..",
                        "io.vertx..",
                        "org.jboss..",
                        "org.slf4j..",
                        "com.fasterxml..",
                        "org.hibernate..",
                        "java.util.logging..")
                .check(ENGINE);
    }

    @Test
    void onlyTheSystemClockReadsTheSystemTime() {
        noClasses()
                .that()
                .resideInAPackage("dev.interleave.engine..")
                .and()
                .doNotHaveFullyQualifiedName("dev.interleave.engine.clock.SystemClock")
                .should()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(ENGINE);
    }
}
