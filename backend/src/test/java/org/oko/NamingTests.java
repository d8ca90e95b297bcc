package org.oko;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.oko.platform.events.Outbox;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The checkable half of docs/architecture.md "Names: one per kind of class": a class's name says
 * what it may do. Data access is a {@code *Store}, {@code *Directory} or {@code *ReadModel}; the
 * transaction and the outbox belong to a {@code *Service} or {@code *Worker}; the generated API
 * types stay at the web edge ({@code *Controller}, {@code *Routes}, {@code *Mapper}). A nested
 * class counts as its top-level class. The demo loader and the platform are outside the features.
 *
 * <p>What does not follow the rules yet is listed below with the reason, and the lists may only
 * shrink: a class that complies while still listed fails the test too, so the list stays true.
 */
class NamingTests {

  /** Talk to the database but are named otherwise. */
  private static final Map<String, String> DATABASE_OUTSIDE_STORES = Map.of();

  /** Own a transaction or the outbox but are named otherwise. */
  private static final Map<String, String> TRANSACTIONS_OUTSIDE_SERVICES = Map.of();

  /** Use generated API types away from the web edge. */
  private static final Set<String> API_TYPES_INSIDE = Set.of();

  private static final JavaClasses FEATURES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.oko")
          .that(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a feature's class",
                  c ->
                      !c.getPackageName().startsWith("org.oko.api")
                          && !c.getPackageName().startsWith("org.oko.platform")
                          && !c.getPackageName().startsWith("org.oko.demo")));

  @Test
  void onlyStoresDirectoriesAndReadModelsTalkToTheDatabase() {
    assertOnlyListed(
        offenders(
            c -> hasField(c, DatabaseClient.class),
            name -> endsWithAny(name, "Store", "Directory", "ReadModel")),
        DATABASE_OUTSIDE_STORES.keySet());
  }

  @Test
  void onlyServicesAndWorkersOwnTransactionsAndTheOutbox() {
    assertOnlyListed(
        offenders(
            c -> hasField(c, TransactionalOperator.class) || hasField(c, Outbox.class),
            name -> endsWithAny(name, "Service", "Worker")),
        TRANSACTIONS_OUTSIDE_SERVICES.keySet());
  }

  @Test
  void generatedApiTypesStayAtTheWebEdge() {
    assertOnlyListed(
        offenders(
            c ->
                c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.oko.api")),
            name -> endsWithAny(name, "Controller", "Routes", "Mapper")),
        API_TYPES_INSIDE);
  }

  /**
   * The top-level classes with a class (or nested class) that {@code does} what its name may not.
   */
  private static Set<String> offenders(Predicate<JavaClass> does, Predicate<String> nameAllowsIt) {
    Set<String> found = new TreeSet<>();
    for (JavaClass c : FEATURES) {
      JavaClass top = topLevel(c);
      if (does.test(c) && !nameAllowsIt.test(top.getSimpleName())) {
        found.add(top.getName());
      }
    }
    return found;
  }

  private static void assertOnlyListed(Set<String> offenders, Set<String> listed) {
    assertThat(offenders)
        .as("classes named against docs/architecture.md \"Names\" (rename them, or move the work)")
        .isSubsetOf(listed);
    assertThat(listed)
        .as("listed exceptions that now follow the rules: take them off the list")
        .isSubsetOf(offenders);
  }

  private static boolean hasField(JavaClass c, Class<?> type) {
    return c.getFields().stream().anyMatch(f -> f.getRawType().isEquivalentTo(type));
  }

  private static boolean endsWithAny(String name, String... suffixes) {
    for (String suffix : suffixes) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }
}
