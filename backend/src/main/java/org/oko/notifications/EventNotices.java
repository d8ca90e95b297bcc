package org.oko.notifications;

import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.forms.FormReopened;
import org.oko.forum.QuestionAnswered;
import org.oko.forum.QuestionAsked;
import org.oko.observers.ObserverViolationsHandedOver;
import org.oko.platform.events.ReceivedEvent;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.publications.PublicationPublished;
import org.oko.results.ReportReleased;
import org.oko.scoring.ExpertDecided;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each event tells whom: the notice it makes and the set-based insert of its recipients' rows.
 */
@Component
class EventNotices {

  /** The events that make notifications. */
  static final List<String> TOPICS =
      List.of(
          QuestionAsked.TOPIC.name(),
          QuestionAnswered.TOPIC.name(),
          PublicationPublished.TOPIC.name(),
          FormReopened.TOPIC.name(),
          ReportReleased.TOPIC.name(),
          ObserverViolationsHandedOver.TOPIC.name(),
          ExpertDecided.TOPIC.name());

  /** The campaign as a whole, whoever takes part (the audience rule needs its kinds). */
  private static final Caller SYSTEM =
      new Caller("notifications", "Уведомления", Role.FEDERAL, null, null, null);

  /** Who waits for a region's reports (results' release rule), and its regional coordinators. */
  private static final List<String> REPORT_READERS =
      List.of("REGIONAL", "MUNICIPAL", "RESPONSIBLE", "ORGANIZATION");

  /** An event's notice and how many accounts got it. */
  record Fanned(Notice notice, long recipients) {}

  private final NotificationStore store;
  private final CampaignDirectory campaigns;
  private final JsonMapper json;

  EventNotices(NotificationStore store, CampaignDirectory campaigns, JsonMapper json) {
    this.store = store;
    this.campaigns = campaigns;
    this.json = json;
  }

  /** Stores the event's notifications; a malformed payload throws at once. */
  Mono<Fanned> fanOut(ReceivedEvent event, Instant now) {
    String type = event.type();
    if (type.equals(QuestionAnswered.TOPIC.name())) {
      return answered(json.readValue(event.payload(), QuestionAnswered.class), now);
    }
    if (type.equals(QuestionAsked.TOPIC.name())) {
      return asked(json.readValue(event.payload(), QuestionAsked.class), now);
    }
    if (type.equals(FormReopened.TOPIC.name())) {
      return reopened(json.readValue(event.payload(), FormReopened.class), now);
    }
    if (type.equals(ObserverViolationsHandedOver.TOPIC.name())) {
      return violations(json.readValue(event.payload(), ObserverViolationsHandedOver.class), now);
    }
    if (type.equals(ExpertDecided.TOPIC.name())) {
      return expertDecided(json.readValue(event.payload(), ExpertDecided.class), now);
    }
    if (type.equals(ReportReleased.TOPIC.name())) {
      return released(json.readValue(event.payload(), ReportReleased.class), now);
    }
    return published(json.readValue(event.payload(), PublicationPublished.class), now);
  }

  private Mono<Fanned> answered(QuestionAnswered e, Instant now) {
    Notice n =
        new Notice(
            "forum-answer:" + e.answerId(),
            "FORUM_ANSWER",
            "Ответ на ваш вопрос",
            e.title(),
            "/forum/questions/" + e.questionId(),
            now);
    return store.toAccount(n, e.questionAuthor(), e.answeredBy(), now).map(c -> new Fanned(n, c));
  }

  private Mono<Fanned> asked(QuestionAsked e, Instant now) {
    Notice n =
        new Notice(
            "forum-question:" + e.questionId(),
            "FORUM_QUESTION",
            e.regionalThread() == null
                ? "Новый вопрос в разделе «" + e.sectionTitle() + "»"
                : "Новый вопрос региону в разделе «" + e.sectionTitle() + "»",
            e.title(),
            "/forum/questions/" + e.questionId(),
            now);
    return store
        .toAnswerers(n, e.federalAnswers(), e.answeringRegion(), e.authorLogin(), now)
        .map(c -> new Fanned(n, c));
  }

  /**
   * «Форма возвращена»: the respondent's submitted report is a draft again, so it no longer counts
   * as submitted; every account of the respondent hears of it — returned by a coordinator above it
   * (with the reason the coordinator gave), or reopened by one of its own accounts
   * («Редактировать»).
   */
  private Mono<Fanned> reopened(FormReopened e, Instant now) {
    // the text is an SQL format() pattern (the form's title goes in at %s): a % of the reason is
    // doubled
    String reason =
        e.reason() == null || e.reason().isBlank() ? "" : " Причина: «" + e.reason() + "».";
    Notice n =
        e.returned()
            ? new Notice(
                "form-reopened:" + e.responseId() + ":" + e.number(),
                "FORM_RETURNED",
                "Форма возвращена на доработку",
                "Форма «%s»: сданную версию "
                    + e.number()
                    + " вернул координатор "
                    + e.reopenedBy()
                    + "."
                    + reason
                    + " Исправьте отчёт и сдайте его снова до окончания срока.",
                "/forms/" + e.formId(),
                now)
            : new Notice(
                "form-reopened:" + e.responseId() + ":" + e.number(),
                "FORM_RETURNED",
                "Форма возвращена: отчёт снова черновик",
                "Форма «%s»: сданная версия "
                    + e.number()
                    + " снята ("
                    + e.reopenedBy()
                    + " нажал «Редактировать»)."
                    + reason
                    + " Отчёт не считается сданным, пока его не сдадут снова до окончания срока.",
                "/forms/" + e.formId(),
                now);
    return store
        .toRespondent(n, e.formId(), e.organizationId(), e.municipalityId(), now)
        .map(c -> new Fanned(n, c));
  }

  private Mono<Fanned> released(ReportReleased e, Instant now) {
    return campaigns
        .visibleTo(SYSTEM, e.campaignId())
        .flatMap(
            campaign -> {
              Notice n =
                  new Notice(
                      "report-released:" + e.campaignId() + ":" + e.regionCode(),
                      "REPORT_RELEASED",
                      "Отчёты выпущены",
                      "Результаты «" + campaign.title() + "» доступны в статистических отчётах.",
                      "/reports/" + e.campaignId(),
                      now);
              return store
                  .toAudience(
                      n,
                      e.campaignId(),
                      REPORT_READERS,
                      List.of(e.regionCode()),
                      campaign.organizationKinds(),
                      true,
                      e.releasedBy(),
                      now)
                  .map(c -> new Fanned(n, c));
            });
  }

  /**
   * Seed 000: a region passed its observers' information on violations; every federal organizer
   * hears of it (each pass is its own notice: a corrected pass is news too).
   */
  private Mono<Fanned> violations(ObserverViolationsHandedOver e, Instant now) {
    return campaigns
        .visibleTo(SYSTEM, e.campaignId())
        .flatMap(
            campaign -> {
              String text =
                  e.regionName()
                      + " передал(а) сведения о нарушениях по «"
                      + campaign.title()
                      + "»: актов с нарушениями — "
                      + e.acts()
                      + ", пунктов — "
                      + e.points()
                      + (e.late() ? "; передано с опозданием." : ".");
              Notice n =
                  new Notice(
                      "violations-handed-over:"
                          + e.campaignId()
                          + ":"
                          + e.regionCode()
                          + ":"
                          + e.handedAt().toEpochMilli(),
                      "VIOLATIONS_HANDED_OVER",
                      "Регион передал сведения о нарушениях",
                      text,
                      "/observers/" + e.campaignId(),
                      now);
              return store.toAnswerers(n, true, null, e.handedBy(), now).map(c -> new Fanned(n, c));
            });
  }

  /**
   * Seed 000 (experts «по согласованию с федеральным организатором»): the regional coordinators of
   * the expert's region hear whether the federal organizer approved the expert they proposed, and
   * why not.
   */
  private Mono<Fanned> expertDecided(ExpertDecided e, Instant now) {
    return campaigns
        .visibleTo(SYSTEM, e.campaignId())
        .flatMap(
            campaign -> {
              String expert = e.expertName() + " (" + e.expertLogin() + ")";
              String text =
                  e.approved()
                      ? "Федеральный организатор согласовал эксперта "
                          + expert
                          + " по «"
                          + campaign.title()
                          + "»: эксперт может получать работы на проверку."
                      : "Федеральный организатор не согласовал эксперта "
                          + expert
                          + " по «"
                          + campaign.title()
                          + "». Причина: «"
                          + e.reason()
                          + "». Предложите другого эксперта.";
              Notice n =
                  new Notice(
                      "expert-decided:"
                          + e.campaignId()
                          + ":"
                          + e.expertLogin()
                          + ":"
                          + e.decidedAt().toEpochMilli(),
                      "EXPERT_DECIDED",
                      e.approved() ? "Эксперт согласован" : "Эксперт не согласован",
                      text,
                      "/campaigns/" + e.campaignId() + "/scoring",
                      now);
              return store
                  .toAnswerers(n, false, e.regionCode(), e.decidedBy(), now)
                  .map(c -> new Fanned(n, c));
            });
  }

  private Mono<Fanned> published(PublicationPublished e, Instant now) {
    Instant visible = e.releaseAt() == null || e.releaseAt().isBefore(now) ? now : e.releaseAt();
    Notice n =
        new Notice(
            "publication:" + e.publicationId(),
            "PUBLICATION",
            "Новая публикация",
            e.title(),
            "/publications/" + e.publicationId(),
            visible);
    return campaigns
        .visibleTo(SYSTEM, e.campaignId())
        .flatMap(
            campaign ->
                store.toAudience(
                    n,
                    e.campaignId(),
                    e.audienceRoles(),
                    e.audienceRegions(),
                    campaign.organizationKinds(),
                    e.sampleOnly(),
                    e.publishedBy(),
                    now))
        .map(c -> new Fanned(n, c));
  }
}
