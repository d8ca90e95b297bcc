package org.oko;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.oko.AuthorizationMatrixTests.Case;
import org.oko.AuthorizationMatrixTests.FeatureRules;
import org.oko.AuthorizationMatrixTests.Fixture;
import org.oko.api.model.ObserverCredentials;
import org.oko.forms.FormsFixture;
import org.oko.observers.ObserversFixture;
import org.oko.testing.ApiTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may call the observers' operations, in and out of their scope. */
class ObserversAuthorizationRules implements FeatureRules {

  private static final String FEDERAL = AuthorizationMatrixTests.FEDERAL_LOGIN;
  private static final String REGIONAL = AuthorizationMatrixTests.REGIONAL_LOGIN;
  private static final String MUNICIPAL = AuthorizationMatrixTests.MUNICIPAL_LOGIN;
  private static final String RESPONSIBLE = AuthorizationMatrixTests.RESPONSIBLE_LOGIN;
  private static final String SCHOOL = AuthorizationMatrixTests.SCHOOL_LOGIN;
  private static final String OTHER_REGION = "region02";
  private static final String SCANNER = "scan64";
  private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes();
  private static final String OCTET = MediaType.APPLICATION_OCTET_STREAM_VALUE;

  @Override
  public Map<String, List<Case>> rules(Fixture fixture) {
    ObserversFixture observers = new ObserversFixture(fixture::as, fixture.db());
    long campaign = observers.campaign("ВПР, матрица доступа к наблюдателям");
    LocalDate today = ObserversFixture.today();
    // A Saratov school's candidate (the matrix's school), accepted by the region and assigned to
    // that school today; an Engels school's one, accepted by its municipality; an independent one.
    long saratovCandidate = observers.propose(SCHOOL, campaign, "Саратовский Кандидат").getId();
    observers.accept(REGIONAL, saratovCandidate);
    long engelsCandidate = observers.propose("edu640021", campaign, "Энгельсский Кандидат").getId();
    observers.accept(MUNICIPAL, engelsCandidate);
    long proposed = observers.propose("edu640021", campaign, "Ждущий Решения").getId();
    long independent = observers.appoint(campaign, "Независимый Наблюдатель", "edu640002").getId();
    long assignment = observers.assign(REGIONAL, campaign, saratovCandidate, SCHOOL, today).getId();
    long engelsAssignment =
        observers
            .assign(MUNICIPAL, campaign, engelsCandidate, "edu640021", today.plusDays(2))
            .getId();
    ObserverCredentials credentials = observers.account(REGIONAL, saratovCandidate);
    ApiTest.rememberPassword(credentials.getLogin(), credentials.getPassword());
    String observer = credentials.getLogin();
    ObserverCredentials otherCredentials = observers.account(MUNICIPAL, engelsCandidate);
    ApiTest.rememberPassword(otherCredentials.getLogin(), otherCredentials.getPassword());
    String otherObserver = otherCredentials.getLogin();

    var asObserver = fixture.as(observer);
    String assigned = "/api/observer-assignments/" + assignment;
    long noteId =
        id(
            send(
                asObserver.post().uri(assigned + "/notes"),
                MediaType.APPLICATION_JSON,
                Map.of("what", "Подсказки"),
                201));
    long actId =
        id(
            send(
                asObserver.put().uri(assigned + "/act"),
                MediaType.APPLICATION_JSON,
                Map.of("violationsFound", true, "violations", "Подсказки"),
                200));
    @SuppressWarnings("unchecked")
    Map<String, Object> firstScan =
        (Map<String, Object>)
            send(
                    asObserver.post().uri(assigned + "/act/scan?fileName=act.pdf"),
                    MediaType.APPLICATION_OCTET_STREAM,
                    PDF,
                    201)
                .get("scan");
    long scanId = id(firstScan);
    long photoId =
        id(
            send(
                asObserver
                    .post()
                    .uri("/api/observer-notes/" + noteId + "/files?fileName=photo.pdf"),
                MediaType.APPLICATION_OCTET_STREAM,
                PDF,
                201));

    // A results protocol (a form of a subject) for the point's observer to witness.
    long protocolForm =
        new FormsFixture(fixture.as(FEDERAL), fixture.db())
            .form(
                campaign,
                """
                {"code":"%s","title":"Протокол результатов","stage":"RESULTS_PROTOCOL",
                 "respondent":"ORGANIZATION","subjectKey":"rus-4","sheets":[
                  {"key":"results","title":"Результаты","columns":[
                    {"key":"code","title":"Код участника","type":"PARTICIPANT_CODE",
                     "required":true,"unique":true}]}]}
                """,
                "res-matrix")
            .getId();
    long school = fixture.organizationId(SCHOOL);
    long engelsSchool = fixture.organizationId("edu640021");
    long college = fixture.organizationId("spo640001");
    long engels = fixture.municipalityOf("edu640021");
    long saratovCity = fixture.municipalityOf(SCHOOL);
    String base = "/api/campaigns/" + campaign;
    String candidate =
        "{\"kind\":\"PUBLIC\",\"fullName\":\"Новый Кандидат\",\"workplace\":\"Завод\"}";
    String appointee =
        "{\"kind\":\"INDEPENDENT\",\"fullName\":\"Новый Независимый\",\"workplace\":\"Вуз\"}";
    String assign =
        "{\"observerId\":%d,\"organizationId\":%d,\"day\":\"%s\",\"activity\":\"CONDUCT\"}";

    Map<String, List<Case>> rules = new LinkedHashMap<>();
    rules.put(
        "listObservers",
        List.of(
            Case.get(FEDERAL, base + "/observers", 200),
            Case.get(REGIONAL, base + "/observers", 200),
            Case.get(MUNICIPAL, base + "/observers", 200),
            Case.get(RESPONSIBLE, base + "/observers", 200),
            Case.get(SCHOOL, base + "/observers", 200),
            Case.get(SCHOOL, base + "/observers?organizationId=" + engelsSchool, 404),
            Case.get(MUNICIPAL, base + "/observers?organizationId=" + school, 404),
            Case.get(SCANNER, base + "/observers", 403),
            Case.get(observer, base + "/observers", 403)));
    rules.put(
        "createObserver",
        List.of(
            Case.post(SCHOOL, base + "/observers", candidate, 201),
            Case.post(REGIONAL, base + "/observers", appointee, 201),
            Case.post(MUNICIPAL, base + "/observers", candidate, 403),
            Case.post(RESPONSIBLE, base + "/observers", candidate, 403),
            Case.post(OTHER_REGION, base + "/observers", appointee, 201),
            Case.post(observer, base + "/observers", candidate, 403)));
    rules.put(
        "downloadObserverTemplate",
        each(
            (who, status) -> Case.get(who, base + "/observers/template", status),
            SCHOOL,
            200,
            "edu645001",
            404,
            MUNICIPAL,
            403,
            observer,
            403));
    rules.put(
        "uploadObserverCandidates",
        each(
            (who, status) ->
                Case.upload(who, base + "/observers/upload", OCTET, "x".getBytes(), status),
            SCHOOL,
            415,
            "edu645001",
            404,
            MUNICIPAL,
            403,
            observer,
            403));
    String decide = "/api/observers/%d/decision";
    String reject = "{\"decision\":\"REJECT\",\"reason\":\"Нет\"}";
    rules.put(
        "decideObserver",
        List.of(
            Case.post(SCHOOL, decide.formatted(proposed), reject, 404),
            Case.post("edu640021", decide.formatted(proposed), reject, 403),
            Case.post(RESPONSIBLE, decide.formatted(proposed), reject, 404),
            Case.post(OTHER_REGION, decide.formatted(proposed), reject, 404),
            Case.post(MUNICIPAL, decide.formatted(independent), reject, 404),
            Case.post(observer, decide.formatted(proposed), reject, 403),
            Case.post(MUNICIPAL, decide.formatted(proposed), reject, 200),
            Case.post(FEDERAL, decide.formatted(proposed), reject, 409)));
    String account = "/api/observers/%d/account";
    rules.put(
        "issueObserverAccount",
        List.of(
            Case.post(FEDERAL, account.formatted(independent), null, 200),
            Case.post(REGIONAL, account.formatted(independent), null, 200),
            Case.post(MUNICIPAL, account.formatted(independent), null, 404),
            Case.post(MUNICIPAL, account.formatted(saratovCandidate), null, 404),
            Case.post(MUNICIPAL, account.formatted(proposed), null, 409),
            Case.post("edu640021", account.formatted(engelsCandidate), null, 403),
            Case.post(OTHER_REGION, account.formatted(independent), null, 404),
            Case.post(observer, account.formatted(independent), null, 403)));
    rules.put(
        "listObserverAssignments",
        List.of(
            Case.get(FEDERAL, base + "/observer-assignments", 200),
            Case.get(REGIONAL, base + "/observer-assignments", 200),
            Case.get(MUNICIPAL, base + "/observer-assignments?organizationId=" + engelsSchool, 200),
            Case.get(MUNICIPAL, base + "/observer-assignments?organizationId=" + school, 404),
            Case.get(RESPONSIBLE, base + "/observer-assignments?organizationId=" + college, 200),
            Case.get(SCHOOL, base + "/observer-assignments", 200),
            Case.get(observer, base + "/observer-assignments", 403)));
    LocalDate later = today.plusDays(5);
    rules.put(
        "assignObserver",
        List.of(
            Case.post(
                MUNICIPAL,
                base + "/observer-assignments",
                assign.formatted(engelsCandidate, engelsSchool, later),
                201),
            Case.post(
                MUNICIPAL,
                base + "/observer-assignments",
                assign.formatted(saratovCandidate, engelsSchool, later.plusDays(1)),
                404),
            Case.post(
                MUNICIPAL,
                base + "/observer-assignments",
                assign.formatted(engelsCandidate, school, later.plusDays(1)),
                404),
            Case.post(
                REGIONAL,
                base + "/observer-assignments",
                assign.formatted(independent, school, later),
                201),
            Case.post(
                OTHER_REGION,
                base + "/observer-assignments",
                assign.formatted(independent, school, later.plusDays(1)),
                404),
            Case.post(
                SCHOOL,
                base + "/observer-assignments",
                assign.formatted(saratovCandidate, school, later),
                403),
            Case.post(
                observer,
                base + "/observer-assignments",
                assign.formatted(saratovCandidate, school, later),
                403)));
    String one = "/api/observer-assignments/%d";
    rules.put(
        "unassignObserver",
        List.of(
            Case.delete(SCHOOL, one.formatted(engelsAssignment), 403),
            Case.delete(observer, one.formatted(engelsAssignment), 403),
            Case.delete(REGIONAL, one.formatted(assignment), 409),
            Case.delete(OTHER_REGION, one.formatted(engelsAssignment), 404),
            Case.delete(MUNICIPAL, one.formatted(assignment), 404),
            Case.delete(MUNICIPAL, one.formatted(engelsAssignment), 204)));
    rules.put(
        "downloadObserverReferral",
        each(
            (who, status) -> Case.get(who, one.formatted(assignment) + "/referral", status),
            observer,
            200,
            otherObserver,
            404,
            REGIONAL,
            200,
            SCHOOL,
            200,
            MUNICIPAL,
            404,
            OTHER_REGION,
            404,
            SCANNER,
            403));
    rules.put(
        "downloadObserverReferralList",
        List.of(
            Case.get(FEDERAL, base + "/observer-referrals", 200),
            Case.get(MUNICIPAL, base + "/observer-referrals?organizationId=" + engelsSchool, 200),
            Case.get(MUNICIPAL, base + "/observer-referrals?organizationId=" + school, 404),
            Case.get(SCHOOL, base + "/observer-referrals", 200),
            Case.get(observer, base + "/observer-referrals", 403)));
    String presence = base + "/observer-presence?day=" + today;
    rules.put(
        "getObserverPresence",
        List.of(
            Case.get(FEDERAL, presence, 200),
            Case.get(REGIONAL, presence, 200),
            Case.get(MUNICIPAL, presence + "&municipalityId=" + engels, 200),
            Case.get(MUNICIPAL, presence + "&municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, presence, 200),
            Case.get(SCHOOL, presence, 403),
            Case.get(observer, presence, 403)));
    rules.put(
        "listMyObserverAssignments",
        each(
            (who, status) -> Case.get(who, "/api/observer/assignments", status),
            observer,
            200,
            SCHOOL,
            403,
            REGIONAL,
            403));
    rules.put(
        "markObserverPresence",
        each(
            (who, status) -> Case.post(who, one.formatted(assignment) + "/presence", null, status),
            otherObserver,
            404,
            SCHOOL,
            403,
            REGIONAL,
            403,
            observer,
            200,
            observer,
            409));
    // Seed 004 9.1: who was present at the results protocol (after presence was marked above).
    String witness = one.formatted(assignment) + "/protocols/" + protocolForm;
    rules.put(
        "recordObserverProtocolWitness",
        each(
            (who, status) -> Case.put(who, witness, null, status),
            SCHOOL,
            200,
            observer,
            200,
            otherObserver,
            404,
            "edu640021",
            404,
            REGIONAL,
            403,
            MUNICIPAL,
            403));
    rules.put(
        "listObserverProtocols",
        each(
            (who, status) -> Case.get(who, one.formatted(assignment) + "/protocols", status),
            observer,
            200,
            SCHOOL,
            200,
            REGIONAL,
            200,
            otherObserver,
            404,
            MUNICIPAL,
            404,
            OTHER_REGION,
            404));
    String monitored = base + "/observer-protocols";
    rules.put(
        "listMonitoredObserverProtocols",
        List.of(
            Case.get(FEDERAL, monitored, 200),
            Case.get(REGIONAL, monitored + "?withoutObserver=true", 200),
            Case.get(MUNICIPAL, monitored + "?municipalityId=" + engels, 200),
            Case.get(MUNICIPAL, monitored + "?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, monitored, 200),
            Case.get(SCHOOL, monitored, 200),
            Case.get(SCANNER, monitored, 403),
            Case.get(observer, monitored, 403)));
    rules.put(
        "listObserverNotes",
        each(
            (who, status) -> Case.get(who, one.formatted(assignment) + "/notes", status),
            observer,
            200,
            otherObserver,
            404,
            REGIONAL,
            200,
            SCHOOL,
            200,
            MUNICIPAL,
            404,
            OTHER_REGION,
            404));
    String note = "{\"what\":\"Шум\",\"text\":\"\"}";
    rules.put(
        "createObserverNote",
        each(
            (who, status) -> Case.post(who, one.formatted(assignment) + "/notes", note, status),
            observer,
            201,
            otherObserver,
            404,
            SCHOOL,
            403,
            REGIONAL,
            403));
    String noteFile = "/api/observer-notes/" + noteId + "/files?fileName=photo.pdf";
    rules.put(
        "uploadObserverNoteFile",
        each(
            (who, status) -> Case.upload(who, noteFile, OCTET, PDF, status),
            observer,
            201,
            otherObserver,
            404,
            REGIONAL,
            403,
            SCHOOL,
            403));
    rules.put(
        "getObserverAct",
        each(
            (who, status) -> Case.get(who, one.formatted(assignment) + "/act", status),
            observer,
            200,
            otherObserver,
            404,
            REGIONAL,
            200,
            SCHOOL,
            200,
            MUNICIPAL,
            404,
            OTHER_REGION,
            404));
    String act = "{\"violationsFound\":true,\"violations\":\"Подсказки\"}";
    rules.put(
        "saveObserverAct",
        each(
            (who, status) -> Case.put(who, one.formatted(assignment) + "/act", act, status),
            observer,
            200,
            otherObserver,
            404,
            SCHOOL,
            403,
            REGIONAL,
            403));
    String scan = one.formatted(assignment) + "/act/scan?fileName=act.pdf";
    rules.put(
        "uploadObserverActScan",
        each(
            (who, status) -> Case.upload(who, scan, OCTET, PDF, status),
            observer,
            201,
            otherObserver,
            404,
            REGIONAL,
            403,
            SCHOOL,
            403));
    // The first scan was replaced above (its file is gone); the note's photo stays.
    String photo = "/api/observer-files/" + photoId;
    rules.put(
        "downloadObserverFile",
        List.of(
            Case.get(observer, photo, 200),
            Case.get(REGIONAL, photo, 200),
            Case.get(SCHOOL, photo, 200),
            Case.get(MUNICIPAL, photo, 404),
            Case.get(otherObserver, photo, 404),
            Case.get(SCANNER, photo, 403),
            Case.get(observer, "/api/observer-files/" + scanId, 404)));
    String acts = base + "/observer-acts";
    rules.put(
        "listObserverActs",
        List.of(
            Case.get(FEDERAL, acts + "?withViolations=true&regionCode=64", 200),
            Case.get(REGIONAL, acts, 200),
            Case.get(REGIONAL, acts + "?regionCode=02", 404),
            Case.get(MUNICIPAL, acts + "?municipalityId=" + engels, 200),
            Case.get(MUNICIPAL, acts + "?municipalityId=" + saratovCity, 404),
            Case.get(RESPONSIBLE, acts, 200),
            Case.get(SCHOOL, acts, 200),
            Case.get(observer, acts, 403)));
    String review = "/api/observer-acts/" + actId + "/review";
    String mark = "{\"withViolations\":true}";
    rules.put(
        "reviewObserverAct",
        each(
            (who, status) -> Case.post(who, review, mark, status),
            SCHOOL,
            403,
            observer,
            403,
            MUNICIPAL,
            404,
            OTHER_REGION,
            404,
            REGIONAL,
            200,
            FEDERAL,
            409));
    String archive = base + "/observer-acts/archive";
    rules.put(
        "downloadObserverActArchive",
        List.of(
            Case.get(FEDERAL, archive + "?regionCode=64", 200),
            Case.get(REGIONAL, archive, 200),
            Case.get(REGIONAL, archive + "?regionCode=02", 404),
            Case.get(MUNICIPAL, archive, 200),
            Case.get(MUNICIPAL, archive + "?municipalityId=" + saratovCity, 404),
            Case.get(SCHOOL, archive, 403),
            Case.get(observer, archive, 403)));
    String handover = base + "/observer-acts/handover";
    rules.put(
        "handOverObserverActArchive",
        each(
            (who, status) -> Case.put(who, handover, null, status),
            SCHOOL,
            403,
            observer,
            403,
            REGIONAL,
            403,
            FEDERAL,
            403,
            MUNICIPAL,
            200,
            RESPONSIBLE,
            200));
    String handovers = base + "/observer-acts/handovers";
    rules.put(
        "listObserverArchiveHandovers",
        List.of(
            Case.get(REGIONAL, handovers, 200),
            Case.get(FEDERAL, handovers, 422),
            Case.get(FEDERAL, handovers + "?regionCode=64", 200),
            Case.get(OTHER_REGION, handovers + "?regionCode=64", 404),
            Case.get(MUNICIPAL, handovers, 200),
            Case.get(RESPONSIBLE, handovers, 200),
            Case.get(SCHOOL, handovers, 403),
            Case.get(observer, handovers, 403)));
    // Seed 000: the region passes its violations on to the federal organizer.
    String violations = base + "/observer-violations/handover";
    rules.put(
        "handOverObserverViolations",
        each(
            (who, status) -> Case.put(who, violations, null, status),
            SCHOOL,
            403,
            observer,
            403,
            MUNICIPAL,
            403,
            RESPONSIBLE,
            403,
            FEDERAL,
            403,
            REGIONAL,
            200,
            OTHER_REGION,
            200));
    rules.put(
        "listObserverViolationHandovers",
        each(
            (who, status) -> Case.get(who, base + "/observer-violations/handovers", status),
            FEDERAL,
            200,
            REGIONAL,
            200,
            OTHER_REGION,
            200,
            MUNICIPAL,
            403,
            RESPONSIBLE,
            403,
            SCHOOL,
            403,
            observer,
            403));
    // Seed 000: the hand-over to the education authority (ОИВ), apart from the federal one.
    String authority = base + "/observer-violations/authority-handover";
    String letter = "{\"authority\":\"Министерство образования\"}";
    rules.put(
        "handOverObserverViolationsToAuthority",
        each(
            (who, status) -> Case.put(who, authority, letter, status),
            SCHOOL,
            403,
            observer,
            403,
            MUNICIPAL,
            403,
            RESPONSIBLE,
            403,
            FEDERAL,
            403,
            REGIONAL,
            200,
            OTHER_REGION,
            200));
    rules.put(
        "getObserverAuthorityHandover",
        List.of(
            Case.get(FEDERAL, authority + "?regionCode=64", 200),
            Case.get(REGIONAL, authority, 200),
            Case.get(REGIONAL, authority + "?regionCode=02", 404),
            Case.get(OTHER_REGION, authority, 200),
            Case.get(MUNICIPAL, authority, 403),
            Case.get(RESPONSIBLE, authority, 403),
            Case.get(SCHOOL, authority, 403),
            Case.get(observer, authority, 403)));
    String register = base + "/observer-violations/authority-register";
    rules.put(
        "downloadObserverAuthorityRegister",
        List.of(
            Case.get(FEDERAL, register + "?regionCode=02", 200),
            Case.get(REGIONAL, register, 200),
            Case.get(OTHER_REGION, register + "?regionCode=64", 404),
            Case.get(MUNICIPAL, register, 403),
            Case.get(SCHOOL, register, 403),
            Case.get(observer, register, 403)));
    return rules;
  }

  /** The same request by several callers: a login, its expected status, the next login, ... */
  private static List<Case> each(
      BiFunction<String, Integer, Case> request, Object... callersAndStatuses) {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < callersAndStatuses.length; i += 2) {
      cases.add(request.apply((String) callersAndStatuses[i], (Integer) callersAndStatuses[i + 1]));
    }
    return cases;
  }

  /** Sends a body in the set-up, checks the status and answers the JSON it got back. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> send(
      WebTestClient.RequestBodySpec request, MediaType type, Object body, int status) {
    return request
        .contentType(type)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static long id(Map<String, Object> created) {
    return ((Number) created.get("id")).longValue();
  }
}
