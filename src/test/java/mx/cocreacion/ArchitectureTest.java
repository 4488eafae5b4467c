package mx.cocreacion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house stays tidy: the packages under {@code mx.cocreacion} form no cycle, and a step of the method
 * (one package per seed step) leans on neither another step nor the microsite. The classes are read with
 * ArchUnit.
 *
 * <p>From the bottom up: {@code tenancy} and {@code validation} (what people submit and the rules for it),
 * {@code plan} (the plan of record), {@code exercise}, {@code evidence} and {@code security},
 * {@code completion} (the one listener of every task), the six steps, and on top the microsite, the webapps,
 * the reminders, the demo data and operations (README, "A tour of the code").
 */
class ArchitectureTest {

  static final List<String> STEPS = List.of("declaration", "outreach", "stl", "worktables", "pal", "followup");

  static JavaClasses product;

  @BeforeAll
  static void readTheProduct() {
    product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("mx.cocreacion");
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("mx.cocreacion.(*)..").should().beFreeOfCycles().check(product);
  }

  @Test
  void noStepLeansOnAnotherStepOrTheMicrosite() {
    for (String step : STEPS) {
      String[] others = Stream.concat(STEPS.stream().filter(s -> !s.equals(step)), Stream.of("microsite"))
          .map(p -> "mx.cocreacion." + p + "..")
          .toArray(String[]::new);
      noClasses().that().resideInAPackage("mx.cocreacion." + step + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because("a step of the method leans only on the shared ground below it")
          .check(product);
    }
  }

  @Test
  void theCalendarReadsTheSharedGroundNotTheStepsOrTheMicrosite() {
    String[] forbidden = Stream.concat(STEPS.stream(), Stream.of("microsite"))
        .map(p -> "mx.cocreacion." + p + "..").toArray(String[]::new);
    noClasses().that().resideInAPackage("mx.cocreacion.calendar..")
        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
        .because("the calendar reads the plan of record (exercise, plan, tenancy), as the steps write it")
        .check(product);
  }
}
