package org.oko.testing;

import java.util.Set;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Who runs beside whom in the one application every {@link ApiTest} shares (parallel execution is
 * on: {@code src/test/resources/junit-platform.properties}).
 *
 * <ul>
 *   <li>A class marked {@code @Execution(ExecutionMode.CONCURRENT)} runs beside the other such
 *       classes and the plain unit tests. That is for the browser journeys, which mostly wait on
 *       Chromium: each works in a campaign of its own or on demo data no other concurrent journey
 *       changes (two that share some take a {@code @ResourceLock} of the same name), and none sets
 *       the {@link TestClock}.
 *   <li>Every other ApiTest runs alone (JUnit's global lock in write mode, as {@code @Isolated}),
 *       after the concurrent ones, one after the other as before: it may set the clock, count rows
 *       or change demo data without a journey in the middle. A new test is that by default.
 * </ul>
 */
public final class AloneUnlessConcurrent implements ResourceLocksProvider {

  @Override
  public Set<Lock> provideForClass(Class<?> testClass) {
    boolean concurrent =
        AnnotationSupport.findAnnotation(testClass, Execution.class)
            .map(execution -> execution.value() == ExecutionMode.CONCURRENT)
            .orElse(false);
    return concurrent
        ? Set.of()
        : Set.of(new Lock(Resources.GLOBAL, ResourceAccessMode.READ_WRITE));
  }
}
