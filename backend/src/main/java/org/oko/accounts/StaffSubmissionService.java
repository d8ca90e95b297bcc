package org.oko.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The region's list of responsible organizers sent to the federal organizer (issue 19; seed
 * 000_c9abf0b417e3d9bf.txt «Направляет Федеральному организатору список ответственных
 * организаторов»): refused while an organization of the region's published sample has none, frozen
 * as sent, read by the federal organizer as a list and as `.xlsx`.
 */
@Service
class StaffSubmissionService {

  private static final DateTimeFormatter MOSCOW_TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Moscow"));

  private final StaffStore staff;
  private final StaffSubmissionStore submissions;
  private final CampaignDirectory campaigns;
  private final AuditLog audit;
  private final TransactionalOperator tx;

  StaffSubmissionService(
      StaffStore staff,
      StaffSubmissionStore submissions,
      CampaignDirectory campaigns,
      AuditLog audit,
      ReactiveTransactionManager transactions) {
    this.staff = staff;
    this.submissions = submissions;
    this.campaigns = campaigns;
    this.audit = audit;
    this.tx = TransactionalOperator.create(transactions);
  }

  /** Sends the region's list of responsible organizers; 409 while an organization has none. */
  Mono<StaffSubmissionStore.Submission> submit(Caller caller, long campaignId) {
    String region = StaffAccess.submitter(caller);
    StaffStore.Selection wholeRegion = StaffRegisterService.selection(caller, null, null, false);
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                staff
                    .all(campaignId, wholeRegion)
                    .collectList()
                    .flatMap(organizations -> send(caller, campaign, region, organizations)));
  }

  private Mono<StaffSubmissionStore.Submission> send(
      Caller caller, CampaignInfo campaign, String region, List<StaffStore.Covered> organizations) {
    if (organizations.isEmpty()) {
      return Mono.error(
          new ConflictException(
              "В опубликованной выборке региона нет организаций: отправлять пока нечего"));
    }
    List<StaffStore.Covered> without =
        organizations.stream().filter(o -> o.responsible() == 0).toList();
    if (!without.isEmpty()) {
      return Mono.error(new ConflictException(missingDetail(without)));
    }
    Map<Long, StaffStore.Covered> byId = new LinkedHashMap<>();
    organizations.forEach(o -> byId.put(o.id(), o));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return staff
        .members(campaign.id(), byId.keySet())
        .filter(m -> m.duty() == StaffDuty.RESPONSIBLE_ORGANIZER)
        .map(m -> line(byId.get(m.organizationId()), m))
        .collectSortedList(
            Comparator.comparing(
                    (StaffWorkbook.SubmittedLine l) ->
                        l.municipality() == null ? "\uffff" : l.municipality())
                .thenComparing(StaffWorkbook.SubmittedLine::login))
        .flatMap(lines -> save(caller, campaign, region, organizations.size(), now, lines));
  }

  /** The list frozen, audited, in one transaction; answers it as stored. */
  private Mono<StaffSubmissionStore.Submission> save(
      Caller caller,
      CampaignInfo campaign,
      String region,
      int organizations,
      Instant now,
      List<StaffWorkbook.SubmittedLine> lines) {
    String target =
        "кампания «"
            + campaign.title()
            + "»: ответственные организаторы "
            + organizations
            + " организаций";
    return tx.transactional(
        submissions
            .save(campaign.id(), region, caller.login(), now, organizations, lines)
            .then(audit.record(StaffRegisterService.entry(caller, "staff.submit", target, null)))
            .then(submissions.list(campaign.id(), region).next()));
  }

  static String missingDetail(List<StaffStore.Covered> without) {
    List<String> named =
        without.stream().limit(3).map(o -> o.name() + " (" + o.login() + ")").toList();
    return "Список не отправлен: в "
        + without.size()
        + (without.size() == 1 ? " организации" : " организациях")
        + " выборки не назначен ответственный организатор — "
        + String.join(", ", named)
        + (without.size() > 3 ? " и другие" : "")
        + ". Заполните их в списке работников и отправьте снова.";
  }

  private static StaffWorkbook.SubmittedLine line(StaffStore.Covered o, StaffMember m) {
    return new StaffWorkbook.SubmittedLine(
        o.login(), o.name(), o.municipality(), m.fullName(), m.phone(), m.email());
  }

  /** The sent lists the caller may read. */
  Flux<StaffSubmissionStore.Submission> submissions(Caller caller, long campaignId) {
    String region = StaffAccess.submissionsOf(caller, null);
    return campaigns.visibleTo(caller, campaignId).thenMany(submissions.list(campaignId, region));
  }

  /** A region's sent list as `.xlsx`; 404 when the region has sent none. */
  Mono<byte[]> submissionFile(Caller caller, long campaignId, String regionCode) {
    String region = StaffAccess.submissionsOf(caller, regionCode);
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                submissions
                    .list(campaignId, region)
                    .next()
                    .switchIfEmpty(Mono.error(() -> notSent(region)))
                    .flatMap(sent -> file(campaign, sent)));
  }

  private Mono<byte[]> file(CampaignInfo campaign, StaffSubmissionStore.Submission sent) {
    return submissions
        .lines(campaign.id(), sent.regionCode())
        .collectList()
        .map(lines -> StaffWorkbook.submitted(heading(campaign, sent), lines));
  }

  private static NotFoundException notSent(String region) {
    return new NotFoundException(
        "Регион " + region + " ещё не отправил список ответственных организаторов");
  }

  private static String heading(CampaignInfo campaign, StaffSubmissionStore.Submission sent) {
    return "Ответственные организаторы: "
        + sent.regionName()
        + ", «"
        + campaign.title()
        + "». Отправлен "
        + MOSCOW_TIME.format(sent.submittedAt())
        + " по московскому времени ("
        + sent.submittedBy()
        + ").";
  }
}
