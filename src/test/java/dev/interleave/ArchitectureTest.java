package dev.interleave;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.interleave.service.RunState;
import dev.interleave.service.live.RunEvents;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The boundaries outside the engine (whose own rules are in {@code EngineIndependenceTest}): adapters are thin and
 * separate, the live hub has one writer, and the service's capabilities do not depend on each other in circles.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.interleave");

    @Test
    void onlyServiceRunPublishesToOrClosesTheLiveHub() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.interleave.service.run..", "dev.interleave.service.live..")
                .should()
                .callMethodWhere(describe(
                        "a call that opens, publishes to or closes the live hub",
                        call -> call.getTargetOwner().isEquivalentTo(RunEvents.class)
                                && Set.of("open", "publish", "close").contains(call.getName())))
                .because("a run's events and its end reach watchers from the run's own keeper, nowhere else")
                .check(MAIN);
    }

    @Test
    void adaptersNeverCallEachOtherNorPersistence() {
        for (String adapter : new String[] {"api", "web", "stream"}) {
            noClasses()
                    .that()
                    .resideInAPackage("dev.interleave." + adapter + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            otherAdapters(adapter)[0], otherAdapters(adapter)[1], "dev.interleave.persistence..")
                    .because("api, web and stream are thin adapters over service/")
                    .check(MAIN);
        }
    }

    @Test
    void serviceCapabilitiesAreFreeOfCycles() {
        slices().matching("dev.interleave.service.(*)..")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void persistenceKnowsNoServiceTypeButRunState() {
        noClasses()
                .that()
                .resideInAPackage("dev.interleave.persistence..")
                .should()
                .dependOnClassesThat(resideInAPackage("dev.interleave.service..")
                        .and(describe("not RunState", c -> !type(RunState.class).test(c))))
                .because("repositories map RunState to its column and know nothing else of the service")
                .check(MAIN);
    }

    @Test
    void onlyTheGuessCapabilityReadsOrWritesGuesses() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.interleave.service.guess..", "dev.interleave.persistence..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.interleave.persistence.GuessRepository")
                .because("guesses are owned by service/guess: grading and access rules live in one place")
                .check(MAIN);
    }

    @Test
    void onlyTheClassCapabilityReadsOrWritesClasses() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.interleave.service.classroom..", "dev.interleave.persistence..")
                .should()
                .dependOnClassesThat(describe(
                        "the class repositories",
                        c -> c.getPackageName().equals("dev.interleave.persistence")
                                && (c.getSimpleName().startsWith("Class")
                                        || c.getSimpleName().startsWith("Challenge")
                                        || c.getName().contains("StoredClass"))))
                .because("service/classroom owns challenges, class sessions, seats and answers")
                .check(MAIN);
    }

    @Test
    void classesGradeOnlyThroughTheGuessCapability() {
        noClasses()
                .that()
                .resideInAPackage("dev.interleave.service.classroom..")
                .should()
                .dependOnClassesThat()
                .haveSimpleName("Engine")
                .because("questions, grading and misconceptions have one owner, service/guess")
                .check(MAIN);
    }

    private static String[] otherAdapters(String adapter) {
        return Set.of("api", "web", "stream").stream()
                .filter(a -> !a.equals(adapter))
                .map(a -> "dev.interleave." + a + "..")
                .sorted()
                .toArray(String[]::new);
    }
}
