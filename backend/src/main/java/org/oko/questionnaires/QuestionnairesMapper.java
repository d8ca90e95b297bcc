package org.oko.questionnaires;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.oko.api.model.MonitoringLevel;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.Questionnaire;
import org.oko.api.model.QuestionnaireMonitoring;
import org.oko.api.model.QuestionnaireMonitoringRow;
import org.oko.api.model.QuestionnaireSaved;
import org.oko.api.model.QuestionnaireSession;
import org.oko.api.model.QuestionnaireSessionStatus;
import org.springframework.http.MediaType;

/** The questionnaires API's types to the feature's records and back. */
final class QuestionnairesMapper {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private QuestionnairesMapper() {}

  static Questionnaire questionnaire(QuestionnaireDefinitionStore.Definition d) {
    return new Questionnaire(
        d.id(),
        d.campaignId(),
        ParticipantCategory.fromValue(d.category()),
        d.title(),
        d.version(),
        d.latestVersion(),
        QuestionnaireContentMapper.api(d.content()),
        d.updatedAt().atOffset(ZoneOffset.UTC),
        d.updatedBy());
  }

  static QuestionnaireSession session(SessionService.SessionView view) {
    SessionStore.Session s = view.session();
    var session =
        new QuestionnaireSession(
            s.id(),
            s.login(),
            s.submitted()
                ? QuestionnaireSessionStatus.SUBMITTED
                : QuestionnaireSessionStatus.STARTED,
            view.campaignTitle(),
            view.subjectName(),
            ParticipantCategory.fromValue(s.category()),
            view.title(),
            s.definitionVersion(),
            s.submitted() ? new LinkedHashMap<>() : s.answers(),
            s.revision(),
            s.startedAt().atOffset(ZoneOffset.UTC),
            s.updatedAt().atOffset(ZoneOffset.UTC));
    if (view.content() != null) {
      session.setContent(QuestionnaireContentMapper.api(view.content()));
    }
    if (s.submittedAt() != null) {
      session.setSubmittedAt(s.submittedAt().atOffset(ZoneOffset.UTC));
    }
    if (view.validUntil() != null) {
      session.setValidUntil(view.validUntil().atOffset(ZoneOffset.UTC));
    }
    if (view.zone() != null) {
      session.setTimeZone(view.zone().getId());
    }
    return session;
  }

  static QuestionnaireSaved saved(SessionService.Saved saved) {
    return new QuestionnaireSaved(
        saved.revision(), saved.at().atOffset(ZoneOffset.UTC), saved.answered());
  }

  static MonitoringRules.Level level(MonitoringLevel level) {
    return level == null
        ? MonitoringRules.Level.POINT
        : MonitoringRules.Level.valueOf(level.name());
  }

  static QuestionnaireMonitoring monitoring(MonitoringRules.Page page) {
    return new QuestionnaireMonitoring(
        MonitoringLevel.valueOf(page.level().name()),
        row(page.total()),
        new ArrayList<>(page.lines().stream().map(QuestionnairesMapper::row).toList()),
        page.paging().page(),
        page.paging().size(),
        page.count(),
        page.at().atOffset(ZoneOffset.UTC));
  }

  private static QuestionnaireMonitoringRow row(MonitoringRules.Line line) {
    return new QuestionnaireMonitoringRow(
        line.key(),
        line.name(),
        line.regionCode(),
        line.kits(),
        line.used(),
        line.started(),
        line.submitted());
  }
}
