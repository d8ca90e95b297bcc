package org.oko;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.api.model.OrganizationPage;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of openapi.yaml × every kind of caller × own and foreign scope. The operations
 * are read from the spec, so a new endpoint without rules here fails this test.
 */
class AuthorizationMatrixTests extends ApiTest {

  /**
   * One request by one caller and the status it must get. {@code body} is JSON unless {@code
   * contentType} says otherwise (an upload's bytes).
   */
  public record Case(
      String caller,
      String method,
      String uri,
      Object body,
      String contentType,
      int status,
      Map<String, String> headers) {
    public Case(
        String caller, String method, String uri, Object body, String contentType, int status) {
      this(caller, method, uri, body, contentType, status, Map.of());
    }

    public Case(String caller, String uri, int status) {
      this(caller, "GET", uri, null, null, status);
    }

    public static Case get(String caller, String uri, int status) {
      return new Case(caller, uri, status);
    }

    public static Case post(String caller, String uri, String body, int status) {
      return new Case(caller, "POST", uri, body, MediaType.APPLICATION_JSON_VALUE, status);
    }

    public static Case put(String caller, String uri, String body, int status) {
      return new Case(caller, "PUT", uri, body, MediaType.APPLICATION_JSON_VALUE, status);
    }

    public static Case delete(String caller, String uri, int status) {
      return new Case(caller, "DELETE", uri, null, null, status);
    }

    public static Case upload(
        String caller, String uri, String contentType, byte[] body, int status) {
      return new Case(caller, "POST", uri, body, contentType, status);
    }

    /** The same request with one more header (such as {@code Idempotency-Key}). */
    public Case withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Case(caller, method, uri, body, contentType, status, Map.copyOf(more));
    }
  }

  /** What a feature's rules may use to find ids and to set up the data its cases need. */
  public interface Fixture {
    long organizationId(String login);

    long municipalityOf(String login);

    WebTestClient as(String login);

    /** For rows that no API of this branch writes yet (such as a published sample). */
    DatabaseClient db();
  }

  /** The rules of one feature's operations, kept in that feature's own file. */
  public interface FeatureRules {
    Map<String, List<Case>> rules(Fixture fixture);
  }

  private static final List<FeatureRules> FEATURES =
      List.of(
          new CampaignsAuthorizationRules(),
          new SampleAuthorizationRules(),
          new PublicationsAuthorizationRules(),
          new LogisticsAuthorizationRules(),
          new FormsAuthorizationRules(),
          new KitsAuthorizationRules(),
          new ParticipantCodesAuthorizationRules(),
          new QuestionnaireLoginsAuthorizationRules(),
          new QuestionnaireDefinitionsAuthorizationRules(),
          new QuestionnaireSessionsAuthorizationRules(),
          new ScansAuthorizationRules(),
          new CollectorAuthorizationRules(),
          new LiveAuthorizationRules(),
          new ScoringAuthorizationRules(),
          new ObserversAuthorizationRules(),
          new ForumAuthorizationRules(),
          new ResultsAuthorizationRules(),
          new IntegrationAuthorizationRules(),
          new AccountsAuthorizationRules(),
          new HandoutsAuthorizationRules(),
          new StaffAuthorizationRules(),
          new RoadmapsAuthorizationRules(),
          new OverviewAuthorizationRules(),
          new ApprovalsAuthorizationRules());

  public static final String FEDERAL_LOGIN = "federal";
  public static final String REGIONAL_LOGIN = "region64";
  public static final String MUNICIPAL_LOGIN = "mun64-engels";
  public static final String RESPONSIBLE_LOGIN = "resp64";
  public static final String SCHOOL_LOGIN = "edu640001";

  private static final String FEDERAL = "federal";
  private static final String REGIONAL = "region64";
  private static final String MUNICIPAL = "mun64-engels";
  private static final String RESPONSIBLE = "resp64";
  private static final String SCHOOL = "edu640001";
  private static final String ANONYMOUS = "";
  private static final String SYSTEM = "region64-system";

  @Autowired DatabaseClient db;

  private long saratovSchool; // edu640001, municipality "Город Саратов"
  private long saratovNeighbour; // edu640002, same municipality
  private long engelsSchool; // edu640021, Энгельсский район
  private long regionalCollege; // spo640001, no municipality
  private long bashkirSchool; // edu020001
  private long saratovCity;
  private long engels;
  private long ufa;

  @BeforeEach
  void findIds() {
    saratovSchool = id("edu640001");
    saratovNeighbour = id("edu640002");
    engelsSchool = id("edu640021");
    regionalCollege = id("spo640001");
    bashkirSchool = id("edu020001");
    saratovCity = municipalityOf("edu640001");
    engels = municipalityOf("edu640021");
    ufa = municipalityOf("edu020001");
  }

  private Map<String, List<Case>> rules() {
    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "getMe", List.of(new Case(FEDERAL, "/api/me", 200), new Case(SCHOOL, "/api/me", 200)));
    String own = "{\"organizationIds\":[" + id("edu640030") + "]}";
    String foreign = "{\"organizationIds\":[" + id("edu020030") + "]}";
    rules.put(
        "issueCredentials",
        List.of(
            Case.post(FEDERAL, "/api/credentials/issues", foreign, 200),
            Case.post(REGIONAL, "/api/credentials/issues", own, 200),
            Case.post(REGIONAL, "/api/credentials/issues", foreign, 404),
            Case.post(REGIONAL, "/api/credentials/issues", "{\"regionCode\":\"02\"}", 404),
            Case.post(MUNICIPAL, "/api/credentials/issues", own, 403),
            Case.post(SCHOOL, "/api/credentials/issues", own, 403)));
    rules.put(
        "rotateSigningKey",
        List.of(
            Case.post(FEDERAL, "/api/identity/signing-keys/rotate", "{}", 200),
            Case.post(REGIONAL, "/api/identity/signing-keys/rotate", "{}", 403),
            Case.post(SCHOOL, "/api/identity/signing-keys/rotate", "{}", 403)));
    rules.put(
        "listAuditEvents",
        List.of(
            new Case(FEDERAL, "/api/audit?regionCode=02", 200),
            new Case(REGIONAL, "/api/audit", 200),
            new Case(REGIONAL, "/api/audit?regionCode=02", 404),
            new Case(MUNICIPAL, "/api/audit", 403),
            new Case(SCHOOL, "/api/audit", 403)));
    rules.put(
        "listRegions",
        List.of(
            new Case(FEDERAL, "/api/regions", 200),
            new Case(REGIONAL, "/api/regions", 200),
            new Case(SCHOOL, "/api/regions", 200)));
    rules.put(
        "getRegion",
        List.of(
            new Case(FEDERAL, "/api/regions/02", 200),
            new Case(REGIONAL, "/api/regions/64", 200),
            new Case(REGIONAL, "/api/regions/02", 404),
            new Case(MUNICIPAL, "/api/regions/02", 404),
            new Case(SCHOOL, "/api/regions/64", 200),
            new Case(SCHOOL, "/api/regions/25", 404)));
    rules.put(
        "getRegionTree",
        List.of(
            new Case(FEDERAL, "/api/regions/25/tree", 200),
            new Case(REGIONAL, "/api/regions/64/tree", 200),
            new Case(REGIONAL, "/api/regions/25/tree", 404),
            new Case(MUNICIPAL, "/api/regions/64/tree", 200),
            new Case(RESPONSIBLE, "/api/regions/64/tree", 200),
            new Case(RESPONSIBLE, "/api/regions/02/tree", 404),
            new Case(SCHOOL, "/api/regions/64/tree", 403)));
    rules.put(
        "listMunicipalities",
        List.of(
            new Case(FEDERAL, "/api/municipalities?regionCode=02", 200),
            new Case(REGIONAL, "/api/municipalities", 200),
            new Case(REGIONAL, "/api/municipalities?regionCode=02", 404),
            new Case(MUNICIPAL, "/api/municipalities", 200),
            new Case(SCHOOL, "/api/municipalities?regionCode=25", 404)));
    rules.put(
        "getMunicipality",
        List.of(
            new Case(FEDERAL, "/api/municipalities/" + ufa, 200),
            new Case(REGIONAL, "/api/municipalities/" + engels, 200),
            new Case(REGIONAL, "/api/municipalities/" + ufa, 404),
            new Case(MUNICIPAL, "/api/municipalities/" + engels, 200),
            new Case(MUNICIPAL, "/api/municipalities/" + saratovCity, 404),
            new Case(RESPONSIBLE, "/api/municipalities/" + engels, 404),
            new Case(SCHOOL, "/api/municipalities/" + saratovCity, 200),
            new Case(SCHOOL, "/api/municipalities/" + engels, 404)));
    rules.put(
        "listOrganizations",
        List.of(
            new Case(FEDERAL, "/api/organizations?regionCode=02", 200),
            new Case(REGIONAL, "/api/organizations", 200),
            new Case(REGIONAL, "/api/organizations?regionCode=02", 404),
            new Case(MUNICIPAL, "/api/organizations?municipalityId=" + engels, 200),
            new Case(MUNICIPAL, "/api/organizations?municipalityId=" + saratovCity, 404),
            new Case(RESPONSIBLE, "/api/organizations", 200),
            new Case(RESPONSIBLE, "/api/organizations?municipalityId=" + engels, 404),
            new Case(SCHOOL, "/api/organizations", 200),
            new Case(SCHOOL, "/api/organizations?regionCode=02", 404)));
    rules.put(
        "exportOrganizations",
        List.of(
            // the scope is the caller's own; each row outside it is left out
            // (OrganizationExportTests)
            new Case(FEDERAL, "/api/exports/organizations?format=csv", 200),
            new Case(REGIONAL, "/api/exports/organizations", 200),
            new Case(SYSTEM, "/api/exports/organizations?format=ndjson", 200),
            new Case(MUNICIPAL, "/api/exports/organizations?format=csv", 200),
            new Case(RESPONSIBLE, "/api/exports/organizations?format=csv", 200),
            new Case(SCHOOL, "/api/exports/organizations", 403)));
    rules.put(
        "getOrganization",
        List.of(
            new Case(FEDERAL, "/api/organizations/" + bashkirSchool, 200),
            new Case(REGIONAL, "/api/organizations/" + engelsSchool, 200),
            new Case(REGIONAL, "/api/organizations/" + bashkirSchool, 404),
            new Case(MUNICIPAL, "/api/organizations/" + engelsSchool, 200),
            new Case(MUNICIPAL, "/api/organizations/" + saratovSchool, 404),
            new Case(MUNICIPAL, "/api/organizations/" + regionalCollege, 404),
            new Case(RESPONSIBLE, "/api/organizations/" + regionalCollege, 200),
            new Case(RESPONSIBLE, "/api/organizations/" + engelsSchool, 404),
            new Case(SCHOOL, "/api/organizations/" + saratovSchool, 200),
            new Case(SCHOOL, "/api/organizations/" + saratovNeighbour, 404)));
    Fixture fixture =
        new Fixture() {
          public long organizationId(String login) {
            return id(login);
          }

          public long municipalityOf(String login) {
            return AuthorizationMatrixTests.this.municipalityOf(login);
          }

          public WebTestClient as(String login) {
            return AuthorizationMatrixTests.this.as(login);
          }

          public DatabaseClient db() {
            return db;
          }
        };
    for (FeatureRules feature : FEATURES) {
      feature
          .rules(fixture)
          .forEach(
              (operation, cases) -> {
                if (rules.put(operation, cases) != null) {
                  throw new IllegalStateException("Rules for " + operation + " given twice");
                }
              });
    }
    // Without a token every operation answers 401, whatever the id.
    for (var entry : rules.entrySet()) {
      var withAnonymous = new ArrayList<>(entry.getValue());
      Case first = entry.getValue().get(0);
      withAnonymous.add(
          new Case(ANONYMOUS, first.method(), first.uri(), first.body(), first.contentType(), 401));
      entry.setValue(withAnonymous);
    }
    return rules;
  }

  @Test
  void everyApiOperationHasRules() {
    assertThat(rules().keySet()).containsExactlyInAnyOrderElementsOf(apiOperations());
  }

  @Test
  void everyCallerGetsExactlyWhatItsRoleAndScopeAllow() {
    List<String> wrong = new ArrayList<>();
    rules()
        .forEach(
            (operation, cases) -> {
              for (Case c : cases) {
                var http = c.caller().isEmpty() ? anonymous : as(c.caller());
                var request =
                    http.method(HttpMethod.valueOf(c.method()))
                        .uri(c.uri())
                        .headers(h -> c.headers().forEach(h::add));
                WebTestClient.RequestHeadersSpec<?> spec =
                    c.body() == null
                        ? request
                        : request
                            .contentType(MediaType.parseMediaType(c.contentType()))
                            .bodyValue(c.body());
                int status = spec.exchange().expectBody().returnResult().getStatus().value();
                if (status != c.status()) {
                  wrong.add(
                      operation
                          + ": "
                          + (c.caller().isEmpty() ? "anonymous" : c.caller())
                          + " "
                          + c.method()
                          + " "
                          + c.uri()
                          + " → "
                          + status
                          + ", expected "
                          + c.status());
                }
              }
            });
    assertThat(wrong).isEmpty();
  }

  @Test
  void listsAreNarrowedToTheCallersScope() {
    assertThat(all(REGIONAL, "/api/organizations?size=100"))
        .allMatch(o -> o.getRegionCode().equals("64"));
    assertThat(all(MUNICIPAL, "/api/organizations?size=100"))
        .isNotEmpty()
        .allMatch(o -> Long.valueOf(engels).equals(o.getMunicipalityId()));
    assertThat(all(RESPONSIBLE, "/api/organizations?size=100"))
        .isNotEmpty()
        .allMatch(o -> o.getMunicipalityId() == null && o.getRegionCode().equals("64"));
    assertThat(all(SCHOOL, "/api/organizations?size=100"))
        .extracting(o -> o.getLogin())
        .containsExactly("edu640001");
    // A search cannot reach outside either.
    assertThat(all(REGIONAL, "/api/organizations?q=edu02")).isEmpty();
  }

  @Test
  void aRegionalCoordinatorReadsTheAuditOfHerRegionOnly() {
    as("region64"); // a sign-in of region 64 is audited
    as("region02");
    as(REGIONAL)
        .get()
        .uri("/api/audit?size=100")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[*].regionCode")
        .value(codes -> assertThat((List<?>) codes).isNotEmpty().allMatch("64"::equals))
        .jsonPath("$.items[?(@.action == 'login' && @.outcome == 'success')]")
        .exists();
  }

  private List<org.oko.api.model.Organization> all(String caller, String uri) {
    return as(caller)
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(OrganizationPage.class)
        .returnResult()
        .getResponseBody()
        .getItems();
  }

  private static TreeSet<String> apiOperations() {
    var spec = new OpenAPIV3Parser().read("../openapi.yaml");
    var operations = new TreeSet<String>();
    spec.getPaths()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/api/")) {
                item.readOperations().forEach(op -> operations.add(op.getOperationId()));
              }
            });
    return operations;
  }

  private long id(String login) {
    return all(FEDERAL, "/api/organizations?q=" + login).get(0).getId();
  }

  private long municipalityOf(String login) {
    return all(FEDERAL, "/api/organizations?q=" + login).get(0).getMunicipalityId();
  }
}
