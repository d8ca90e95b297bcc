package org.oko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every test of the running application shares one Spring context, started once per test JVM (~20 s
 * with the embedded PostgreSQL, Kafka, migrations and demo data): the test command must stay under
 * 15 minutes on two cores as the suite grows. A test class with configuration of its own —
 * {@code @MockitoBean}, {@code @TestPropertySource}, {@code @DynamicPropertySource},
 * {@code @DirtiesContext}, its own profiles, imports or nested configuration — starts one more, and
 * a second one keeps running beside the first until the end, in the same Kafka consumer groups.
 * This test names such a class; set the state through the API or the {@code TestClock} instead, or
 * add the setting to {@code application-test.yaml} or {@link ApiTest} for everyone.
 */
class SharedContextTests {

  /** Spring's annotations that give a test class a context of its own (by simple name). */
  private static final Set<String> OWN_CONTEXT =
      Set.of(
          "SpringBootTest",
          "ContextConfiguration",
          "ContextHierarchy",
          "ActiveProfiles",
          "TestPropertySource",
          "TestPropertySources",
          "DirtiesContext",
          "Import",
          "MockitoBean",
          "MockitoBeans",
          "MockitoSpyBean",
          "MockitoSpyBeans",
          "MockBean",
          "SpyBean",
          "TestBean",
          "WebFluxTest",
          "DataR2dbcTest");

  @Test
  void everyApplicationTestSharesTheOneContextOfApiTest() throws Exception {
    List<String> offenders = new ArrayList<>();
    for (Class<?> test : testClasses()) {
      if (test == ApiTest.class || test.getName().startsWith(ApiTest.class.getName() + "$")) {
        continue;
      }
      boolean application = ApiTest.class.isAssignableFrom(test);
      if (!application) {
        if (test.isAnnotationPresent(SpringBootTest.class)) {
          offenders.add(test.getName() + ": @SpringBootTest of its own (extend ApiTest)");
        }
        continue;
      }
      contextAnnotations(test).forEach(a -> offenders.add(test.getName() + ": " + a));
      for (var field : test.getDeclaredFields()) {
        contextAnnotations(field)
            .forEach(a -> offenders.add(test.getName() + "." + field.getName() + ": " + a));
      }
      for (var method : test.getDeclaredMethods()) {
        if (method.isAnnotationPresent(DynamicPropertySource.class)) {
          offenders.add(test.getName() + "." + method.getName() + ": @DynamicPropertySource");
        }
      }
      for (Class<?> nested : test.getDeclaredClasses()) {
        if (nested.isAnnotationPresent(TestConfiguration.class)
            || nested.isAnnotationPresent(Configuration.class)) {
          offenders.add(nested.getName() + ": nested configuration");
        }
      }
    }
    assertThat(offenders)
        .as(
            "test classes that start an application context of their own (+~20 s each and a"
                + " second application running beside the first; see this test's javadoc)")
        .isEmpty();
  }

  private static List<String> contextAnnotations(AnnotatedElement element) {
    List<String> found = new ArrayList<>();
    for (Annotation annotation : element.getDeclaredAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      boolean spring = type.getName().startsWith("org.springframework.");
      if (spring
          && (OWN_CONTEXT.contains(type.getSimpleName())
              || type.getSimpleName().startsWith("AutoConfigure"))) {
        found.add("@" + type.getSimpleName());
      }
    }
    return found;
  }

  /** Every class compiled from src/test/java, loaded without initializing it. */
  private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
    Path root = Path.of(ApiTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          classes.add(Class.forName(name, false, ApiTest.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          // Not a class this test can see (e.g. a fixture compiled for another test): skip it.
        }
      }
    }
    return classes;
  }
}
