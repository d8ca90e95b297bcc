package org.oko.results;

import java.time.Instant;
import java.util.List;
import org.oko.api.model.GradeScale;
import org.oko.api.model.JournalComparison;
import org.oko.api.model.LevelStatistics;
import org.oko.api.model.ObjectivityFlag;
import org.oko.api.model.ObjectivityFlagCode;
import org.oko.api.model.ObjectivityReport;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.ParticipantResult;
import org.oko.api.model.ParticipantResultPage;
import org.oko.api.model.ReportOpening;
import org.oko.api.model.ReportOpeningPage;
import org.oko.api.model.ReportRelease;
import org.oko.api.model.ReportUnit;
import org.oko.api.model.ReportUnitPage;
import org.oko.api.model.ReportUnitRow;
import org.oko.api.model.ResultsLevel;
import org.oko.api.model.SubjectReport;
import org.oko.api.model.SubjectTask;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Paging;
import org.oko.results.ReportViews.Flags;
import org.oko.results.ReportViews.LevelFigures;
import org.oko.results.ReportViews.Opening;
import org.oko.results.ReportViews.Openings;
import org.oko.results.ReportViews.ParticipantsPage;
import org.oko.results.ReportViews.Release;
import org.oko.results.ReportViews.Scale;
import org.oko.results.ReportViews.UnitRow;
import org.oko.results.ReportViews.UnitTable;

/** The results' domain views as the API's types. */
final class ResultsMapper {

  private ResultsMapper() {}

  static GradeScale scale(Subject s, Instant updatedAt, String updatedBy) {
    List<SubjectTask> tasks =
        java.util.stream.IntStream.range(0, s.tasks())
            .mapToObj(i -> new SubjectTask(s.taskLabels().get(i), s.taskMax()[i]))
            .toList();
    GradeScale scale = new GradeScale(s.key(), s.name(), s.maxScore(), tasks);
    if (s.boundaries() != null) {
      scale.setBoundaries(java.util.Arrays.stream(s.boundaries()).boxed().toList());
    }
    if (updatedAt != null) {
      scale.setUpdatedAt(ApiTimes.utc(updatedAt));
      scale.setUpdatedBy(updatedBy);
    }
    return scale;
  }

  static GradeScale scale(Scale scale) {
    return scale(scale.subject(), scale.updatedAt(), scale.updatedBy());
  }

  static ReportUnit unit(Unit u) {
    ReportUnit unit = new ReportUnit();
    unit.setLevel(ResultsLevel.fromValue(u.level().name()));
    unit.setId(u.id());
    unit.setName(u.name());
    unit.setLogin(u.login());
    return unit;
  }

  static LevelStatistics level(LevelFigures l, Subject s) {
    Tally t = l.tally();
    int[] j = t.journal();
    return new LevelStatistics(
        unit(l.unit()),
        t.participants(),
        ReportRules.grades(t, s),
        ReportRules.gradeShares(t, s),
        ReportRules.round(t.meanScore()),
        ReportRules.histogram(t, s),
        ReportRules.taskSuccess(t, s),
        ReportRules.taskSuccessByGrade(t, s),
        new JournalComparison(j[0] + j[1] + j[2], j[0], j[1], j[2]));
  }

  static SubjectReport report(ReportViews.SubjectReport r) {
    SubjectReport out = new SubjectReport();
    out.setCampaignId(r.subject().campaignId());
    out.setSubjectKey(r.subject().key());
    out.setSubjectName(r.subject().name());
    out.setScale(scale(r.subject(), null, null));
    out.setUnit(unit(r.unit()));
    out.setLevels(r.levels().stream().map(l -> level(l, r.subject())).toList());
    out.setReleased(r.released());
    return out;
  }

  static ReportUnitPage units(UnitTable t, Paging page) {
    ReportUnitPage out = new ReportUnitPage();
    out.setParent(unit(t.parent()));
    out.setItems(t.rows().stream().map(r -> row(r, t.subject())).toList());
    out.setPage(page.page());
    out.setSize(page.size());
    out.setTotal(t.total());
    return out;
  }

  private static ReportUnitRow row(UnitRow r, Subject s) {
    ReportUnitRow row = new ReportUnitRow();
    row.setUnit(unit(r.unit()));
    row.setMunicipalityName(r.unit().municipalityName());
    row.setParticipants(r.tally().participants());
    row.setGradeShares(ReportRules.gradeShares(r.tally(), s));
    row.setMeanScore(ReportRules.round(r.tally().meanScore()));
    row.setMeanSuccess(ReportRules.meanSuccess(r.tally(), s));
    row.setFlags(r.flags().stream().map(f -> ObjectivityFlagCode.fromValue(f.name())).toList());
    row.setFlaggedOrganizations(r.flaggedOrganizations());
    return row;
  }

  static ParticipantResultPage participants(ParticipantsPage p, Paging page) {
    ParticipantResultPage out = new ParticipantResultPage();
    out.setOrganization(unit(p.organization()));
    out.setTaskLabels(p.subject().taskLabels());
    out.setItems(
        p.rows().stream()
            .map(
                x -> {
                  ParticipantResult r = new ParticipantResult();
                  r.setCode(x.code());
                  r.setClassLetter(x.classLetter());
                  r.setVariant(x.variant());
                  r.setScores(java.util.Arrays.stream(x.scores()).boxed().toList());
                  r.setTotal(x.total());
                  r.setGrade(x.grade());
                  r.setJournalGrade(x.journalGrade());
                  return r;
                })
            .toList());
    out.setPage(page.page());
    out.setSize(page.size());
    out.setTotal(p.total());
    return out;
  }

  static ObjectivityReport flags(Flags f) {
    ObjectivityReport out = new ObjectivityReport();
    out.setUnit(unit(f.unit()));
    out.setSubjectKey(f.subject().key());
    out.setParticipants(f.participants());
    out.setRaised((int) f.flags().stream().filter(Flag::raised).count());
    out.setFlags(
        f.flags().stream()
            .map(
                x ->
                    new ObjectivityFlag(
                        ObjectivityFlagCode.fromValue(x.code().name()),
                        x.title(),
                        x.raised(),
                        x.rule(),
                        x.threshold(),
                        x.value(),
                        x.source()))
            .toList());
    return out;
  }

  static ReportRelease release(Release r) {
    return new ReportRelease(
        r.regionCode(), r.regionName(), ApiTimes.utc(r.at()), r.by(), r.timeZone());
  }

  static ReportOpeningPage openings(Openings o, Paging page) {
    ReportOpeningPage out = new ReportOpeningPage();
    out.setItems(o.rows().stream().map(ResultsMapper::opening).toList());
    out.setOpened(o.opened());
    out.setPage(page.page());
    out.setSize(page.size());
    out.setTotal(o.total());
    return out;
  }

  private static ReportOpening opening(Opening o) {
    Unit u = o.organization();
    OrganizationBrief brief =
        new OrganizationBrief(u.organizationId(), u.login(), u.name(), u.regionCode());
    brief.setMunicipalityId(u.municipalityId());
    brief.setMunicipalityName(u.municipalityName());
    ReportOpening out = new ReportOpening();
    out.setOrganization(brief);
    out.setOpens(o.opens());
    out.setTimeZone(o.timeZone());
    if (o.firstOpenedAt() != null) {
      out.setFirstOpenedAt(ApiTimes.utc(o.firstOpenedAt()));
      out.setLastOpenedAt(ApiTimes.utc(o.lastOpenedAt()));
    }
    return out;
  }
}
