package org.oko.questionnaires;

import java.time.Clock;
import java.time.ZoneOffset;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Questionnaire;
import org.oko.api.model.QuestionnaireExportFormat;
import org.oko.api.model.QuestionnaireInput;
import org.oko.api.model.QuestionnaireUpdate;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Definitions and the federal export. The federal organizer defines one questionnaire per ОМК
 * campaign and participant category and publishes new versions of it; coordinators and points of
 * the campaign's regions read them.
 */
@Component
class QuestionnaireAdmin {

  /** Who may read definitions (within the campaigns they take part in). */
  private static final Role[] READERS = {
    Role.FEDERAL, Role.REGIONAL, Role.RESPONSIBLE, Role.MUNICIPAL, Role.ORGANIZATION
  };

  private final QuestionnaireDefinitions definitions;
  private final CampaignDirectory campaigns;
  private final ResponsesExport export;
  private final TransactionalOperator tx;
  private final Clock clock;

  QuestionnaireAdmin(
      QuestionnaireDefinitions definitions,
      CampaignDirectory campaigns,
      ResponsesExport export,
      TransactionalOperator tx,
      Clock clock) {
    this.definitions = definitions;
    this.campaigns = campaigns;
    this.export = export;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<ResponseEntity<Flux<Questionnaire>>> list(long campaignId) {
    return CurrentCaller.withRole(READERS)
        .flatMap(caller -> campaigns.visibleTo(caller, campaignId))
        .map(
            campaign ->
                ResponseEntity.ok(
                    definitions.ofCampaign(campaign.id()).map(QuestionnaireAdmin::toApi)));
  }

  Mono<ResponseEntity<Questionnaire>> create(long campaignId, QuestionnaireInput input) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .flatMap(campaign -> define(campaign, input, caller.login())))
        .flatMap(definitions::find)
        .map(d -> ResponseEntity.status(HttpStatus.CREATED).body(toApi(d)));
  }

  /** Checks and stores version 1; the id. Also used for the demo data, on behalf of the caller. */
  Mono<Long> define(CampaignInfo campaign, QuestionnaireInput input, String by) {
    if (campaign.kind() != CampaignInfo.Kind.OMK) {
      return Mono.error(
          new ConflictException(
              "Анкеты участников бывают только в кампаниях ОМК/ОПиМК, а «"
                  + campaign.title()
                  + "» — не ОМК"));
    }
    DefinitionChecks.require(input.getContent());
    String category = input.getCategory().getValue();
    return definitions
        .exists(campaign.id(), category)
        .flatMap(
            taken ->
                taken
                    ? Mono.<Long>error(taken(input.getCategory()))
                    : tx.transactional(
                        definitions.insert(
                            campaign.id(),
                            category,
                            input.getTitle().strip(),
                            input.getContent(),
                            by,
                            clock.instant())))
        .onErrorMap(DataIntegrityViolationException.class, e -> taken(input.getCategory()));
  }

  Mono<ResponseEntity<Questionnaire>> get(long questionnaireId, Long version) {
    return CurrentCaller.withRole(READERS)
        .flatMap(caller -> visible(caller, questionnaireId))
        .flatMap(
            current ->
                version == null || version == current.version()
                    ? Mono.just(current)
                    : definitions
                        .version(questionnaireId, version)
                        .switchIfEmpty(
                            Mono.error(
                                new NotFoundException(
                                    "У анкеты нет версии "
                                        + version
                                        + ": последняя — "
                                        + current.version()))))
        .map(d -> ResponseEntity.ok(toApi(d)));
  }

  Mono<ResponseEntity<Questionnaire>> update(long questionnaireId, QuestionnaireUpdate update) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller ->
                visible(caller, questionnaireId)
                    .flatMap(
                        current -> {
                          DefinitionChecks.require(update.getContent());
                          if (current.version() != update.getExpectedVersion()) {
                            return Mono.error(changedMeanwhile(current.version()));
                          }
                          return tx.transactional(
                                  definitions.update(
                                      questionnaireId,
                                      update.getExpectedVersion(),
                                      update.getTitle().strip(),
                                      update.getContent(),
                                      caller.login(),
                                      clock.instant()))
                              .flatMap(
                                  updated ->
                                      updated
                                          ? definitions.find(questionnaireId)
                                          : Mono.error(changedMeanwhile(current.version())));
                        }))
        .map(d -> ResponseEntity.ok(toApi(d)));
  }

  Mono<ResponseEntity<Resource>> export(
      long campaignId, QuestionnaireExportFormat format, ParticipantCategory category) {
    ResponsesExport.Format chosen =
        format == QuestionnaireExportFormat.CSV
            ? ResponsesExport.Format.CSV
            : ResponsesExport.Format.XLSX;
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(caller -> campaigns.visibleTo(caller, campaignId))
        .flatMap(campaign -> export.export(campaign, chosen, category));
  }

  /** The current version, if the caller takes part in its campaign; 404 otherwise. */
  private Mono<QuestionnaireDefinitions.Definition> visible(Caller caller, long questionnaireId) {
    NotFoundException notFound = new NotFoundException("Анкета " + questionnaireId + " не найдена");
    return definitions
        .find(questionnaireId)
        .switchIfEmpty(Mono.error(notFound))
        .flatMap(
            d ->
                campaigns
                    .visibleTo(caller, d.campaignId())
                    .onErrorMap(NotFoundException.class, e -> notFound)
                    .thenReturn(d));
  }

  static String categoryName(String category) {
    return "METHODIST".equals(category) ? "Методисты" : "Учителя";
  }

  private static ConflictException taken(ParticipantCategory category) {
    return new ConflictException(
        "Анкета для категории «" + categoryName(category.getValue()) + "» уже есть — измените её");
  }

  private static ConflictException changedMeanwhile(long current) {
    return new ConflictException(
        "Анкету уже изменили: текущая версия — "
            + current
            + ". Обновите страницу и внесите изменения ещё раз");
  }

  static Questionnaire toApi(QuestionnaireDefinitions.Definition d) {
    return new Questionnaire(
        d.id(),
        d.campaignId(),
        ParticipantCategory.fromValue(d.category()),
        d.title(),
        d.version(),
        d.latestVersion(),
        d.content(),
        d.updatedAt().atOffset(ZoneOffset.UTC),
        d.updatedBy());
  }
}
