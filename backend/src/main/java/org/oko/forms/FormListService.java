package org.oko.forms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.StageWindow;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The forms of a campaign as everyone taking part lists them: an organization only those it fills;
 * a respondent with its own response's status and the stage's window.
 */
@Service
class FormListService {

  /**
   * A form in a list, with the caller's own response when it fills the form.
   *
   * @param mine the caller's own response's status; null when the caller does not fill the form
   * @param mySubmittedAt when the caller last submitted it, or null
   * @param window the stage's window for the caller, or null when the schedule has none
   */
  record Listed(
      FormDefinitionRow form,
      ResponseStatus mine,
      Instant mySubmittedAt,
      StageWindow window,
      Instant now) {}

  private final FormDefinitionStore definitions;
  private final FormResponseStore responses;
  private final RespondentStore respondents;
  private final CampaignDirectory campaigns;
  private final StageGate gate;
  private final Clock clock;

  FormListService(
      FormDefinitionStore definitions,
      FormResponseStore responses,
      RespondentStore respondents,
      CampaignDirectory campaigns,
      StageGate gate,
      Clock clock) {
    this.definitions = definitions;
    this.responses = responses;
    this.respondents = respondents;
    this.campaigns = campaigns;
    this.gate = gate;
    this.clock = clock;
  }

  /** The campaign's forms the caller sees: an organization only those it fills. */
  Mono<List<Listed>> list(Caller caller, long campaignId) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                ownKind(caller)
                    .flatMap(
                        kind ->
                            definitions
                                .ofCampaign(campaignId)
                                .filter(f -> listed(caller, kind, f, campaign))
                                .concatMap(f -> listed(caller, f))
                                .collectList()));
  }

  /** The kind of the caller's organization ("" for callers that are not one). */
  private Mono<String> ownKind(Caller caller) {
    return caller.role() == Role.ORGANIZATION
        ? respondents.kindOf(caller.organizationId()).defaultIfEmpty("")
        : Mono.just("");
  }

  private static boolean listed(
      Caller caller, String kind, FormDefinitionRow form, CampaignInfo campaign) {
    return FormAccess.reaches(caller, form)
        && (caller.role() != Role.ORGANIZATION
            || (form.byOrganizations() && form.kindsIn(campaign).contains(kind)));
  }

  private Mono<Listed> listed(Caller caller, FormDefinitionRow form) {
    Respondent own = ownRespondent(caller, form);
    Mono<Listed> withStatus =
        own == null
            ? Mono.just(new Listed(form, null, null, null, clock.instant()))
            : responses
                .summary(form.id(), own)
                .map(
                    row ->
                        new Listed(
                            form,
                            ResponseStatus.of(row.status()),
                            row.submittedAt(),
                            null,
                            clock.instant()))
                .defaultIfEmpty(
                    new Listed(form, ResponseStatus.NOT_STARTED, null, null, clock.instant()));
    return withStatus.flatMap(
        listed ->
            gate.window(
                    form.campaignId(),
                    form.stage(),
                    caller.regionCode(),
                    caller.organizationId(),
                    own == null ? null : own.role())
                .map(w -> new Listed(form, listed.mine(), listed.mySubmittedAt(), w, listed.now()))
                .defaultIfEmpty(listed));
  }

  /** The caller as the respondent of the form, or null when it does not fill it. */
  private static Respondent ownRespondent(Caller caller, FormDefinitionRow form) {
    if (form.byOrganizations() && caller.role() == Role.ORGANIZATION) {
      return new Respondent(
          RespondentKind.ORGANIZATION,
          caller.organizationId(),
          caller.login(),
          caller.municipalityId(),
          caller.displayName(),
          caller.regionCode(),
          null);
    }
    if (!form.byOrganizations() && caller.role() == Role.MUNICIPAL) {
      return new Respondent(
          RespondentKind.MUNICIPALITY,
          null,
          null,
          caller.municipalityId(),
          caller.displayName(),
          caller.regionCode(),
          null);
    }
    if (!form.byOrganizations() && caller.role() == Role.RESPONSIBLE) {
      // the region's organizations without a municipality (seed 003 11.4)
      return new Respondent(
          RespondentKind.MUNICIPALITY,
          null,
          null,
          null,
          caller.displayName(),
          caller.regionCode(),
          RespondentStore.WITHOUT_MUNICIPALITY);
    }
    return null;
  }
}
