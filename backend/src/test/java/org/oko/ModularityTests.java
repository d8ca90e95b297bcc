package org.oko;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps package-by-feature honest: a feature uses another only through its root package (or a named
 * interface such as {@code platform.events}), and no two features depend on each other in a cycle.
 * The code generated from openapi.yaml ({@code org.oko.api}) is the shared contract, not a feature.
 */
class ModularityTests {

  @Test
  void featuresDependOnEachOtherOnlyThroughTheirApi() {
    ApplicationModules.of(OkoApplication.class, resideInAPackage("org.oko.api..")).verify();
  }
}
