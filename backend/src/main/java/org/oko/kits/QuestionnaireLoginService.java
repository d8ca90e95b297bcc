package org.oko.kits;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The questionnaire logins of the calling organization in a campaign without kits (ВПР, СПО; issue
 * 20, seed 000 «анкетирование преподавателей ОО СПО»): as many as it asks for, each with a
 * five-digit password, stored as kits' credentials are ({@link QuestionnaireLogins}), so that the
 * participants sign in, answer and are counted by the same questionnaire engine as in the ОМК.
 */
@Service
class QuestionnaireLoginService {

  /** The logins and the key they are stored under ({@code spo}, {@code vpr}). */
  record Logins(String subjectKey, PointKitsService.PointKits kits) {}

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final KitCredentialDirectory credentials;
  private final KitCredentialStore store;
  private final KitAssignmentService assignments;
  private final PointKitsService frame;
  private final StageGate stages;
  private final TransactionalOperator tx;
  private final Clock clock;

  QuestionnaireLoginService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      KitCredentialDirectory credentials,
      KitCredentialStore store,
      KitAssignmentService assignments,
      PointKitsService frame,
      StageGate stages,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.credentials = credentials;
    this.store = store;
    this.assignments = assignments;
    this.frame = frame;
    this.stages = stages;
    this.tx = tx;
    this.clock = clock;
  }

  /** The calling organization's logins (none yet: an empty list) with the link and window. */
  Mono<Logins> list(Caller caller, long campaignId) {
    return campaignOf(caller, campaignId).flatMap(campaign -> read(campaign, caller));
  }

  /**
   * Brings the organization's logins up to {@code requested}: never takes one back, numbers them
   * after every login stored under the campaign's kind (logins are unique across campaigns), all in
   * one transaction; 422 or 409 and nothing written when they may not be issued.
   */
  Mono<Logins> issue(Caller caller, long campaignId, int requested) {
    if (requested < 1 || requested > QuestionnaireLogins.MAX_PER_ORGANIZATION) {
      return Mono.error(
          new UnprocessableException(
              "count",
              "Логинов можно выдать от 1 до "
                  + QuestionnaireLogins.MAX_PER_ORGANIZATION
                  + " на организацию, а запрошено "
                  + requested
                  + ". Логины не выданы"));
    }
    return campaignOf(caller, campaignId).flatMap(campaign -> issueIn(campaign, caller, requested));
  }

  private Mono<Logins> issueIn(CampaignInfo campaign, Caller caller, int requested) {
    return organizations
        .byId(caller.organizationId())
        .flatMap(
            org -> requireOpen(campaign, org).then(add(campaign, org, requested, caller.login())))
        .then(read(campaign, caller));
  }

  private Mono<Void> add(CampaignInfo campaign, OrganizationRef org, int requested, String by) {
    String subject = QuestionnaireLogins.subjectKey(campaign.kind());
    return store
        .lockNumbering(subject)
        .then(credentials.ofPoint(campaign.id(), subject, org.id()).count())
        .flatMap(issued -> addMissing(campaign, org, Math.max(0, requested - issued), by))
        .as(tx::transactional);
  }

  /** {@code missing} more logins after the last number stored under the campaign's kind. */
  private Mono<Void> addMissing(
      CampaignInfo campaign, OrganizationRef org, long missing, String by) {
    if (missing == 0) {
      return Mono.empty();
    }
    String subject = QuestionnaireLogins.subjectKey(campaign.kind());
    return store
        .lastNumber(subject)
        .map(
            last ->
                new KitStore.NewRange(
                    org.id(), org.regionCode(), Category.TEACHER.name(), last + 1, last + missing))
        .flatMap(range -> assignments.store(campaign.id(), subject, List.of(range), by))
        .then();
  }

  private Mono<Logins> read(CampaignInfo campaign, Caller caller) {
    String subject = QuestionnaireLogins.subjectKey(campaign.kind());
    return Mono.zip(
            organizations.byId(caller.organizationId()),
            credentials.ofPoint(campaign.id(), subject, caller.organizationId()).collectList())
        .flatMap(
            t ->
                frame.withWindows(
                    campaign.id(),
                    QuestionnaireLogins.respondents(subject).orElse(subject),
                    Category.TEACHER.name(),
                    t.getT1(),
                    t.getT2()))
        .map(kits -> new Logins(subject, kits));
  }

  /** 409 without a questionnaire stage for the organization, or once it has closed. */
  private Mono<Void> requireOpen(CampaignInfo campaign, OrganizationRef org) {
    return stages
        .window(campaign.id(), Stage.QUESTIONNAIRE, org.regionCode(), org.id())
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ConflictException(
                        "В плане-графике кампании «"
                            + campaign.title()
                            + "» нет этапа «Анкетирование»: логины для анкетирования не"
                            + " выдаются")))
        .flatMap(this::requireNotClosed);
  }

  private Mono<Void> requireNotClosed(StageWindow w) {
    if (clock.instant().isBefore(w.effectiveClosesAt())) {
      return Mono.empty();
    }
    return Mono.error(
        new ConflictException(
            "Анкетирование завершено "
                + DATE.format(w.effectiveClosesAt().minusNanos(1).atZone(w.zone()))
                + " — новые логины не выдаются"));
  }

  /**
   * A campaign without kits that the calling organization takes part in; 403 for a caller without
   * an organization, 404 for a campaign it does not see, 409 for an ОМК (logins come with kits).
   */
  private Mono<CampaignInfo> campaignOf(Caller caller, long campaignId) {
    if (caller.organizationId() == null) {
      return Mono.error(new AccessDeniedException());
    }
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                campaign.kind() == CampaignInfo.Kind.OMK
                    ? Mono.<CampaignInfo>error(omkRefusal())
                    : Mono.just(campaign));
  }

  private static ConflictException omkRefusal() {
    return new ConflictException(
        "В ОМК/ОПиМК логины для анкетирования выдаются по комплектам — в электронном протоколе 1"
            + " пункта проведения");
  }
}
