package org.oko.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oko.api.model.Municipality;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One scope rule (issue 16): {@link Visibility} is the only place that turns a caller's part of the
 * hierarchy into SQL, and its SQL draws exactly the boundary its Java checks draw, for every kind
 * of scope. Every list filters through {@link Visibility#condition}, so a scope kind added there
 * reaches every list, and this test fails until its SQL agrees with {@link
 * Visibility#seesOrganization}.
 */
class ScopeRuleTests extends ApiTest {

  @Autowired DatabaseClient db;

  /** A caller of each kind of scope, taken from the demo's own hierarchy. */
  private List<Visibility> everyKindOfScope() {
    long engels =
        db.sql("select id from municipality where region_code = '64' order by name limit 1")
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
    Map<String, Object> school =
        db.sql("select id, municipality_id from organization where login = 'edu640001'")
            .fetch()
            .one()
            .block();
    long schoolId = ((Number) school.get("id")).longValue();
    Long schoolMunicipality = (Long) school.get("municipality_id");
    return List.of(
        Visibility.of(caller(Role.FEDERAL, null, null, null)),
        Visibility.of(caller(Role.REGIONAL, "64", null, null)),
        Visibility.of(caller(Role.API_CLIENT, "02", null, null)),
        Visibility.of(caller(Role.MUNICIPAL, "64", engels, null)),
        Visibility.of(caller(Role.RESPONSIBLE, "64", null, null)),
        Visibility.of(caller(Role.ORGANIZATION, "64", schoolMunicipality, schoolId)),
        Visibility.directoryOf(caller(Role.SCANNER, "64", null, null)));
  }

  private static Caller caller(Role role, String region, Long municipality, Long organization) {
    return new Caller("test-" + role, "Тест", role, region, municipality, organization);
  }

  @Test
  void theSqlOfEveryScopeSeesExactlyTheOrganizationsItsJavaCheckSees() {
    List<Map<String, Object>> all =
        db.sql("select id, region_code, municipality_id from organization")
            .fetch()
            .all()
            .collectList()
            .block();
    for (Visibility scope : everyKindOfScope()) {
      ScopeCondition condition = scope.condition();
      Set<Long> bySql =
          new HashSet<>(
              condition
                  .bind(db.sql("select o.id from organization o where " + condition.sql()))
                  .map(r -> r.get("id", Long.class))
                  .all()
                  .collectList()
                  .block());
      Set<Long> byJava = new HashSet<>();
      for (Map<String, Object> o : all) {
        long id = ((Number) o.get("id")).longValue();
        if (scope.seesOrganization(
            id, (String) o.get("region_code"), (Long) o.get("municipality_id"))) {
          byJava.add(id);
        }
      }
      assertThat(bySql).as("organizations of %s", scope).isEqualTo(byJava).isNotEmpty();
    }
  }

  @Test
  void theSqlOfEveryScopeSeesExactlyTheMunicipalitiesItsJavaCheckSees() {
    List<Municipality> all =
        db.sql("select id, region_code from municipality")
            .map(
                r ->
                    new Municipality()
                        .id(r.get("id", Long.class))
                        .regionCode(r.get("region_code", String.class)))
            .all()
            .collectList()
            .block();
    for (Visibility scope : everyKindOfScope()) {
      ScopeCondition condition = scope.municipalityCondition("m.region_code", "m.id");
      Set<Long> bySql =
          new HashSet<>(
              condition
                  .bind(db.sql("select m.id from municipality m where " + condition.sql()))
                  .map(r -> r.get("id", Long.class))
                  .all()
                  .collectList()
                  .block());
      Set<Long> byJava = new HashSet<>();
      for (Municipality m : all) {
        if (scope.seesMunicipality(m.getRegionCode(), m.getId())) {
          byJava.add(m.getId());
        }
      }
      assertThat(bySql).as("municipalities of %s", scope).isEqualTo(byJava);
    }
  }

  /**
   * No feature writes its own scope predicate: the columns that place an organization in the
   * hierarchy are turned into a scope condition only in {@code orgs}.
   */
  @Test
  void noFeatureOutsideOrgsWritesAScopePredicate() throws IOException {
    assertThat(filesWithScopePredicates(Path.of("src/main/java/org/oko")))
        .as("files with a scope predicate of their own")
        .isEmpty();
  }

  /** The check above catches a feature that does (a fixture that is never compiled). */
  @Test
  void aFeatureWithAScopePredicateOfItsOwnIsCaught() throws IOException {
    assertThat(filesWithScopePredicates(Path.of("src/test/resources/scope-rule-fixture")))
        .containsExactly("kits/LeakyKitStore.java");
  }

  private static final List<String> SCOPE_PREDICATES =
      List.of(
          "municipality_id is null",
          ":withoutMunicipality",
          ":scopeMunicipality",
          ":scope_no_municipality");

  /** Java files under {@code root}, outside its {@code orgs}, that contain a scope predicate. */
  private static List<String> filesWithScopePredicates(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.startsWith(root.resolve("orgs")))
          .filter(f -> SCOPE_PREDICATES.stream().anyMatch(read(f)::contains))
          .map(f -> root.relativize(f).toString())
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
