package org.oko.questionnaires;

import java.time.Clock;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Definitions. The federal organizer defines one questionnaire per campaign and participant
 * category (in a ВПР or СПО campaign, the teachers' only) and publishes new versions of it;
 * coordinators and points of the campaign's regions read them.
 */
@Service
class QuestionnaireDefinitionService {

  /** Who may read definitions (within the campaigns they take part in). */
  static final Role[] READERS = {
    Role.FEDERAL, Role.REGIONAL, Role.RESPONSIBLE, Role.MUNICIPAL, Role.ORGANIZATION
  };

  /**
   * A questionnaire as typed: its category ({@code TEACHER}, {@code METHODIST}), title, content.
   */
  record Draft(String category, String title, QuestionnaireContent content) {}

  private final QuestionnaireDefinitionStore definitions;
  private final CampaignDirectory campaigns;
  private final TransactionalOperator tx;
  private final Clock clock;

  QuestionnaireDefinitionService(
      QuestionnaireDefinitionStore definitions,
      CampaignDirectory campaigns,
      TransactionalOperator tx,
      Clock clock) {
    this.definitions = definitions;
    this.campaigns = campaigns;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<List<QuestionnaireDefinitionStore.Definition>> list(Caller caller, long campaignId) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(campaign -> definitions.ofCampaign(campaign.id()).collectList());
  }

  /** A new questionnaire, version 1 (the caller is the federal organizer). */
  Mono<QuestionnaireDefinitionStore.Definition> create(
      Caller caller, long campaignId, Draft draft) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(campaign -> define(campaign, draft, caller.login()))
        .flatMap(definitions::find);
  }

  /** Checks and stores version 1; the id. Also used for the demo data, on behalf of the caller. */
  Mono<Long> define(CampaignInfo campaign, Draft draft, String by) {
    // Outside the ОМК (issue 20, seed 000: «анкетирование преподавателей ОО СПО») the
    // questionnaire is the teachers'; methodists take part in the ОМК only.
    if (campaign.kind() != CampaignInfo.Kind.OMK && !"TEACHER".equals(draft.category())) {
      return Mono.error(
          new ConflictException(
              "В кампании «"
                  + campaign.title()
                  + "» анкетируются только учителя и преподаватели: анкета методистов бывает"
                  + " только в ОМК/ОПиМК"));
    }
    DefinitionRules.require(draft.content());
    String category = draft.category();
    return definitions
        .exists(campaign.id(), category)
        .flatMap(
            taken ->
                taken
                    ? Mono.<Long>error(taken(category))
                    : tx.transactional(
                        definitions.insert(
                            campaign.id(),
                            category,
                            draft.title().strip(),
                            draft.content(),
                            by,
                            clock.instant())))
        .onErrorMap(DataIntegrityViolationException.class, e -> taken(category));
  }

  /** The current version, or the one asked for. */
  Mono<QuestionnaireDefinitionStore.Definition> get(
      Caller caller, long questionnaireId, Long version) {
    return visible(caller, questionnaireId)
        .flatMap(
            current ->
                version == null || version == current.version()
                    ? Mono.just(current)
                    : definitions
                        .version(questionnaireId, version)
                        .switchIfEmpty(Mono.error(() -> noVersion(version, current.version()))));
  }

  private static NotFoundException noVersion(long version, long latest) {
    return new NotFoundException("У анкеты нет версии " + version + ": последняя — " + latest);
  }

  /**
   * The next version, if {@code expectedVersion} is still the current one (the caller is the
   * federal organizer).
   */
  Mono<QuestionnaireDefinitionStore.Definition> update(
      Caller caller, long questionnaireId, long expectedVersion, Draft draft) {
    return visible(caller, questionnaireId)
        .flatMap(
            current -> {
              DefinitionRules.require(draft.content());
              if (current.version() != expectedVersion) {
                return Mono.error(changedMeanwhile(current.version()));
              }
              return tx.transactional(
                      definitions.update(
                          questionnaireId,
                          expectedVersion,
                          draft.title().strip(),
                          draft.content(),
                          caller.login(),
                          clock.instant()))
                  .flatMap(
                      updated ->
                          updated
                              ? definitions.find(questionnaireId)
                              : Mono.error(changedMeanwhile(current.version())));
            });
  }

  /** The current version, if the caller takes part in its campaign; 404 otherwise. */
  private Mono<QuestionnaireDefinitionStore.Definition> visible(
      Caller caller, long questionnaireId) {
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

  private static ConflictException taken(String category) {
    return new ConflictException(
        "Анкета для категории «" + categoryName(category) + "» уже есть — измените её");
  }

  private static ConflictException changedMeanwhile(long current) {
    return new ConflictException(
        "Анкету уже изменили: текущая версия — "
            + current
            + ". Обновите страницу и внесите изменения ещё раз");
  }
}
