package org.oko;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.oko.platform.events.Outbox;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The checkable half of docs/architecture.md "Names: one per kind of class": a class's name says
 * what it may do. Data access is a {@code *Store}, {@code *Directory} or {@code *ReadModel}; the
 * transaction and the outbox belong to a {@code *Service} or {@code *Worker}; the generated API
 * types stay at the web edge. The demo loader and the platform's own machinery are outside the
 * features and keep their own names.
 */
class NamingTests {

  private static final JavaClasses FEATURES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.oko")
          .that(
              DescribedPredicate.describe(
                  "a feature's class",
                  c ->
                      !c.getPackageName().startsWith("org.oko.api")
                          && !c.getPackageName().startsWith("org.oko.platform")
                          && !c.getPackageName().startsWith("org.oko.demo")));

  /** A controller, routes or mapper, or a class nested in one (its records, its lambdas). */
  private static DescribedPredicate<JavaClass> atTheWebEdge() {
    return DescribedPredicate.describe(
        "at the web edge (a *Controller, *Routes or *Mapper)",
        c -> {
          String top = topLevel(c).getSimpleName();
          return top.endsWith("Controller") || top.endsWith("Routes") || top.endsWith("Mapper");
        });
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }

  @Test
  void onlyStoresDirectoriesAndReadModelsTalkToTheDatabase() {
    fields()
        .that()
        .haveRawType(DatabaseClient.class)
        .should()
        .beDeclaredInClassesThat()
        .haveSimpleNameEndingWith("Store")
        .orShould()
        .beDeclaredInClassesThat()
        .haveSimpleNameEndingWith("Directory")
        .orShould()
        .beDeclaredInClassesThat()
        .haveSimpleNameEndingWith("ReadModel")
        .because("data access is a *Store, a *Directory or a *ReadModel")
        .check(FEATURES);
  }

  @Test
  void onlyServicesAndWorkersOwnTransactionsAndTheOutbox() {
    for (Class<?> owned : new Class<?>[] {TransactionalOperator.class, Outbox.class}) {
      fields()
          .that()
          .haveRawType(owned)
          .should()
          .beDeclaredInClassesThat()
          .haveSimpleNameEndingWith("Service")
          .orShould()
          .beDeclaredInClassesThat()
          .haveSimpleNameEndingWith("Worker")
          .because("a use case (*Service) or background work (*Worker) owns the transaction")
          .check(FEATURES);
    }
  }

  @Test
  void generatedApiTypesStayAtTheWebEdge() {
    noClasses()
        .that(atTheWebEdge().negate())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.oko.api.model..")
        .because("stores, services and the interfaces between features speak in domain records")
        .check(FEATURES);
  }
}
