package org.oko;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;

/**
 * Who may manage which accounts (issue 19): the federal organizer everyone; a region the staff of
 * its region below the regional coordinator; a municipality (and the responsible coordinator) its
 * organizations' staff; nobody a role above their own or outside their scope.
 */
class AccountsAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String SCANNER = "scan64";
  private static final String URI = "/api/accounts";

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    target(fixture, REGIONAL, "matrix-expert64");
    target(fixture, "region02", "matrix-expert02");
    long engelsSchool = fixture.organizationId("edu640021");
    long saratovSchool = fixture.organizationId("edu640001");
    long college = fixture.organizationId("spo640001");
    long engels = fixture.municipalityOf("edu640021");
    long ufa = fixture.municipalityOf("edu020001");

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listAccounts",
        List.of(
            Case.get(FEDERAL, URI + "?regionCode=02", 200),
            Case.get(REGIONAL, URI, 200),
            Case.get(REGIONAL, URI + "?regionCode=02", 404),
            Case.get(MUNICIPAL, URI, 200),
            Case.get(MUNICIPAL, URI + "?municipalityId=" + ufa, 404),
            Case.get(MUNICIPAL, URI + "?organizationId=" + saratovSchool, 404),
            Case.get(RESPONSIBLE, URI, 200),
            Case.get(SCHOOL, URI, 403),
            Case.get(SCANNER, URI, 403),
            Case.get("", URI, 401)));
    rules.put(
        "createAccount",
        List.of(
            Case.post(
                FEDERAL,
                URI,
                account("matrix-region02b", "REGIONAL", ",\"regionCode\":\"02\"" + CONTACTS),
                201),
            Case.post(REGIONAL, URI, account("matrix-obs64", "OBSERVER", ""), 201),
            Case.post(
                REGIONAL, URI, account("matrix-obs02", "OBSERVER", ",\"regionCode\":\"02\""), 404),
            Case.post(
                REGIONAL,
                URI,
                account("matrix-region64b", "REGIONAL", ",\"regionCode\":\"64\"" + CONTACTS),
                403),
            Case.post(
                MUNICIPAL,
                URI,
                account(
                    "matrix-staff640021", "ORGANIZATION", ",\"organizationId\":" + engelsSchool),
                201),
            Case.post(
                MUNICIPAL,
                URI,
                account(
                    "matrix-staff640001", "ORGANIZATION", ",\"organizationId\":" + saratovSchool),
                404),
            Case.post(
                MUNICIPAL,
                URI,
                account("matrix-mun64", "MUNICIPAL", ",\"municipalityId\":" + engels),
                403),
            Case.post(
                RESPONSIBLE,
                URI,
                account("matrix-staff-spo", "ORGANIZATION", ",\"organizationId\":" + college),
                201),
            Case.post(
                RESPONSIBLE,
                URI,
                account("matrix-staff-resp", "ORGANIZATION", ",\"organizationId\":" + engelsSchool),
                404),
            Case.post(
                SCHOOL,
                URI,
                account("matrix-staff-edu", "ORGANIZATION", ",\"organizationId\":" + saratovSchool),
                403),
            Case.post(SCANNER, URI, account("matrix-obs64b", "OBSERVER", ""), 403)));
    rules.put(
        "deactivateAccount",
        List.of(
            Case.post(REGIONAL, URI + "/matrix-expert64/deactivate", null, 200),
            Case.post(REGIONAL, URI + "/matrix-expert02/deactivate", null, 404),
            Case.post(REGIONAL, URI + "/region02/deactivate", null, 404),
            Case.post(MUNICIPAL, URI + "/matrix-expert64/deactivate", null, 404),
            Case.post(MUNICIPAL, URI + "/mun64-engels/deactivate", null, 403),
            Case.post(SCHOOL, URI + "/matrix-expert64/deactivate", null, 403),
            Case.post(FEDERAL, URI + "/matrix-expert02/deactivate", null, 200),
            Case.post(FEDERAL, URI + "/federal/deactivate", null, 409)));
    rules.put(
        "activateAccount",
        List.of(
            Case.post(REGIONAL, URI + "/matrix-expert64/activate", null, 200),
            Case.post(REGIONAL, URI + "/matrix-expert02/activate", null, 404),
            Case.post(MUNICIPAL, URI + "/matrix-expert64/activate", null, 404),
            Case.post(SCHOOL, URI + "/matrix-expert64/activate", null, 403),
            Case.post(FEDERAL, URI + "/matrix-expert02/activate", null, 200)));
    rules.put(
        "resetAccountPassword",
        List.of(
            Case.post(REGIONAL, URI + "/matrix-expert64/password-reset", null, 200),
            Case.post(REGIONAL, URI + "/matrix-expert02/password-reset", null, 404),
            Case.post(REGIONAL, URI + "/region64/password-reset", null, 403),
            Case.post(MUNICIPAL, URI + "/matrix-expert64/password-reset", null, 404),
            Case.post(RESPONSIBLE, URI + "/matrix-expert64/password-reset", null, 403),
            Case.post(SCHOOL, URI + "/matrix-expert64/password-reset", null, 403),
            Case.post(FEDERAL, URI + "/matrix-expert02/password-reset", null, 200)));
    rules.put(
        "getAccountsTemplate",
        List.of(
            Case.get(FEDERAL, URI + "/template", 200),
            Case.get(REGIONAL, URI + "/template", 200),
            Case.get(MUNICIPAL, URI + "/template", 200),
            Case.get(SCHOOL, URI + "/template", 403),
            Case.get(SCANNER, URI + "/template", 403)));
    // A file without a single row: the role passes (422: nothing to create) or is refused (403).
    byte[] empty = emptyWorkbook();
    rules.put(
        "importAccounts",
        List.of(
            Case.upload(REGIONAL, URI + "/imports", XLSX, empty, 422),
            Case.upload(MUNICIPAL, URI + "/imports", XLSX, empty, 422),
            Case.upload(SCHOOL, URI + "/imports", XLSX, empty, 403),
            Case.upload(SCANNER, URI + "/imports", XLSX, empty, 403),
            Case.upload("", URI + "/imports", XLSX, empty, 401)));
    return rules;
  }

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static byte[] emptyWorkbook() {
    try {
      return org.oko.accounts.AccountImportTests.file(List.of());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final String CONTACTS = ",\"phone\":\"+79120000000\",\"email\":\"c@oko.ru\"";

  private static String account(String login, String role, String more) {
    return "{\"login\":\""
        + login
        + "\",\"displayName\":\"Проверка доступа\",\"role\":\""
        + role
        + "\""
        + more
        + "}";
  }

  /** An expert account of the region to (de)activate and reset, made once (no API needed). */
  private static void target(Fixture fixture, String regionLogin, String login) {
    fixture
        .db()
        .sql(
            "insert into account (login, display_name, role, region_code)"
                + " select :l, 'Проверка доступа', 'EXPERT', region_code from account"
                + " where login = :r on conflict (login) do nothing")
        .bind("l", login)
        .bind("r", regionLogin)
        .then()
        .block();
  }
}
