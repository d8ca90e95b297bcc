package org.oko.observers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.events.Outbox;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo's observers, written as the observers' own use cases would leave them: their rows and
 * their events ({@link ObserversAdmin} is the demo loader's way in, run in the loader's
 * transaction).
 */
@Component
class ObserversDemoService {

  private static final byte[] DEMO_SCAN =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
              + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
              + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
              + "trailer<</Root 1 0 R>>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final ObserverStore observers;
  private final AssignmentStore assignments;
  private final ActStore acts;
  private final NoteStore notes;
  private final ObserverFileStore files;
  private final OrganizationDirectory organizations;
  private final BlobStore blobs;
  private final Outbox outbox;

  ObserversDemoService(
      ObserverStore observers,
      AssignmentStore assignments,
      ActStore acts,
      NoteStore notes,
      ObserverFileStore files,
      OrganizationDirectory organizations,
      BlobStore blobs,
      Outbox outbox) {
    this.observers = observers;
    this.assignments = assignments;
    this.acts = acts;
    this.notes = notes;
    this.files = files;
    this.organizations = organizations;
    this.blobs = blobs;
    this.outbox = outbox;
  }

  /**
   * In the campaign: candidates proposed by {@code edu640001} (two, waiting for region 64) and by
   * {@code edu640021} (three: two accepted by its municipality, one waiting); an independent
   * observer appointed by region 64 (working at edu640001); the observer {@code login} — one of the
   * accepted — assigned to edu640022 yesterday (present, a note, an act with a violation and its
   * scan, marked with violations by the municipality) and to edu640021 today (not yet present);
   * further assignments on {@code conductDay}.
   */
  Mono<Void> seedDemo(long campaignId, String login, LocalDate conductDay, Instant now) {
    Mono<OrganizationRef> saratov = organizations.byLogin("edu640001");
    Mono<OrganizationRef> engels = organizations.byLogin("edu640021");
    Mono<OrganizationRef> engels2 = organizations.byLogin("edu640022");
    Mono<OrganizationRef> engels3 = organizations.byLogin("edu640023");
    return Mono.zip(saratov, engels, engels2, engels3)
        .map(p -> new Places(p.getT1(), p.getT2(), p.getT3(), p.getT4()))
        .flatMap(
            places ->
                proposed(campaignId, places, now)
                    .flatMap(ids -> assigned(campaignId, login, conductDay, places, ids, now)));
  }

  /** The demo's schools: edu640001 in Saratov, edu640021–edu640023 in Engels. */
  private record Places(
      OrganizationRef school,
      OrganizationRef engelsSchool,
      OrganizationRef second,
      OrganizationRef third) {}

  /** The two Engels candidates to accept (the first gets the account) and the appointed one. */
  private record Candidates(long withAccount, long other, long appointed) {}

  private Mono<Candidates> proposed(long campaignId, Places places, Instant now) {
    Mono<Void> saratovCandidates =
        proposedBy(
                campaignId,
                places.school(),
                List.of(
                    candidate("Алексеева Ирина Викторовна", "Родительский комитет"),
                    candidate("Бондаренко Олег Сергеевич", "ООО «Волгаэнерго», инженер")),
                now)
            .then();
    Mono<List<Long>> engelsCandidates =
        proposedBy(
                campaignId,
                places.engelsSchool(),
                List.of(
                    candidate("Григорьева Анна Павловна", "Совет ветеранов педагогического труда"),
                    candidate("Дмитриев Николай Ильич", "Городская библиотека, библиотекарь"),
                    candidate("Егорова Светлана Юрьевна", "Родительский комитет")),
                now)
            .collectList();
    Mono<Long> independent =
        observers
            .insert(
                campaignId,
                List.of(
                    new NewObserver(
                        ObserverInfo.Kind.INDEPENDENT,
                        "Жуков Виктор Андреевич",
                        "+7 845 200-10-10",
                        null,
                        "Учитель физики",
                        places.school().id(),
                        "64")),
                ObserverInfo.Status.ACCEPTED,
                null,
                "64",
                "region64",
                now)
            .next();
    return saratovCandidates
        .then(Mono.zip(engelsCandidates, independent))
        .map(ids -> new Candidates(ids.getT1().get(0), ids.getT1().get(1), ids.getT2()));
  }

  /** Candidates proposed by a school of region 64 (signed in as itself). */
  private Flux<Long> proposedBy(
      long campaignId, OrganizationRef school, List<NewObserver> candidates, Instant now) {
    return observers.insert(
        campaignId,
        candidates,
        ObserverInfo.Status.PROPOSED,
        school.id(),
        "64",
        school.login(),
        now);
  }

  private Mono<Void> assigned(
      long campaignId,
      String login,
      LocalDate conductDay,
      Places places,
      Candidates ids,
      Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Europe/Saratov"));
    long withAccount = ids.withAccount();
    return observers
        .decide(withAccount, ObserverInfo.Status.ACCEPTED, null, now)
        .then(observers.decide(ids.other(), ObserverInfo.Status.ACCEPTED, null, now))
        .then(observers.setLogin(withAccount, login))
        .then(
            assign(campaignId, withAccount, "PUBLIC", places.second(), today.minusDays(1), now)
                .flatMap(yesterday -> pastDay(campaignId, yesterday, places.second(), now)))
        .then(assign(campaignId, withAccount, "PUBLIC", places.engelsSchool(), today, now))
        .then(assign(campaignId, ids.other(), "PUBLIC", places.third(), conductDay, now))
        .then(
            assign(
                campaignId, ids.appointed(), "INDEPENDENT", places.engelsSchool(), conductDay, now))
        .then();
  }

  private static NewObserver candidate(String name, String workplace) {
    return new NewObserver(
        ObserverInfo.Kind.PUBLIC, name, "+7 900 000-00-00", null, workplace, null, null);
  }

  private Mono<Long> assign(
      long campaignId,
      long observerId,
      String kind,
      OrganizationRef point,
      LocalDate day,
      Instant now) {
    return assignments
        .insert(
            campaignId,
            observerId,
            point,
            day,
            AssignmentInfo.Activity.CONDUCT,
            "mun64-engels",
            now)
        .flatMap(
            id ->
                outbox
                    .append(
                        ObserverAssigned.TOPIC,
                        String.valueOf(observerId),
                        new ObserverAssigned(
                            id,
                            observerId,
                            campaignId,
                            point.id(),
                            point.regionCode(),
                            kind,
                            day,
                            "CONDUCT",
                            now))
                    .thenReturn(id));
  }

  /** Yesterday's observation: present, a note, an act with a violation, scanned and reviewed. */
  private Mono<Void> pastDay(
      long campaignId, long assignmentId, OrganizationRef point, Instant now) {
    Instant yesterday = now.minusSeconds(86_400);
    return assignments
        .markPresent(assignmentId, yesterday.minusSeconds(3 * 3600))
        .then(
            notes.insertNote(
                assignmentId,
                yesterday.minusSeconds(2 * 3600),
                "14",
                "Использование мобильного телефона участником",
                "Участник в аудитории 14 пользовался телефоном; организатор в аудитории замечания"
                    + " не сделал.",
                yesterday.minusSeconds(2 * 3600)))
        .then(assignments.byId(assignmentId))
        .flatMap(
            assignment ->
                acts.saveAct(
                    assignment,
                    true,
                    "В аудитории 14 участник пользовался мобильным телефоном во время работы.",
                    "Рекомендовано провести проверку объективности результатов аудитории 14.",
                    yesterday,
                    Deadline.NONE))
        .flatMap(actId -> actFiled(campaignId, assignmentId, point, actId, yesterday, now));
  }

  /** The act's scan stored, its event, and the municipality's review with a violation. */
  private Mono<Void> actFiled(
      long campaignId,
      long assignmentId,
      OrganizationRef point,
      long actId,
      Instant yesterday,
      Instant now) {
    Flux<DataBuffer> scan = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(DEMO_SCAN));
    return blobs
        .store(scan, DEMO_SCAN.length)
        .flatMap(
            blob ->
                files.insertFile(
                    assignmentId,
                    null,
                    actId,
                    blob,
                    "Акт наблюдения.pdf",
                    "application/pdf",
                    yesterday))
        .then(
            outbox.append(
                ObserverActSubmitted.TOPIC,
                String.valueOf(point.id()),
                new ObserverActSubmitted(
                    actId,
                    assignmentId,
                    campaignId,
                    point.id(),
                    point.regionCode(),
                    true,
                    true,
                    yesterday)))
        .then(
            acts.review(
                actId, true, "Нарушение подтверждено: передать в РЦОКО", "mun64-engels", now))
        .then();
  }
}
