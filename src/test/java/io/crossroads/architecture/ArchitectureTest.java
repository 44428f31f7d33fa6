package io.crossroads.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The package map of docs/ARCHITECTURE.md, kept true by the build. */
class ArchitectureTest {

  static final JavaClasses CROSSROADS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.crossroads");

  static final String[] FEATURES = {
    "io.crossroads.people..",
    "io.crossroads.directory..",
    "io.crossroads.demo..",
    "io.crossroads.availability..",
    "io.crossroads.requests..",
    "io.crossroads.interviews..",
    "io.crossroads.notify..",
    "io.crossroads.matching..",
    "io.crossroads.network..",
    "io.crossroads.reporting..",
    "io.crossroads.program.."
  };

  @Test
  void featuresDependOnEachOtherOneWayOnly() {
    slices().matching("io.crossroads.(*)..").should().beFreeOfCycles().check(CROSSROADS);
  }

  @Test
  void thePlatformKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.crossroads.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(CROSSROADS);
  }

  @Test
  void theProgramsRulesDependOnNoOtherFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.crossroads.program..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            java.util.Arrays.stream(FEATURES)
                .filter(p -> !p.startsWith("io.crossroads.program"))
                .toArray(String[]::new))
        .check(CROSSROADS);
  }

  @Test
  void noFeatureDependsOnTheReports() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.crossroads.reporting..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.crossroads.reporting..")
        .check(CROSSROADS);
  }

  @Test
  void resourcesNeverHandleEntities() {
    noClasses()
        .that()
        .areAnnotatedWith(Path.class)
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Entity.class)
        .check(CROSSROADS);
  }
}
