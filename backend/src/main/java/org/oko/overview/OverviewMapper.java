package org.oko.overview;

import java.util.List;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.OrganizationOverview;
import org.oko.api.model.OverviewForm;
import org.oko.api.model.OverviewForms;
import org.oko.api.model.OverviewKitRange;
import org.oko.api.model.OverviewKits;
import org.oko.api.model.OverviewObserverVisit;
import org.oko.api.model.OverviewObservers;
import org.oko.api.model.OverviewPublication;
import org.oko.api.model.OverviewPublications;
import org.oko.api.model.OverviewQuestionnaire;
import org.oko.api.model.OverviewQuestionnaires;
import org.oko.api.model.OverviewReports;
import org.oko.api.model.OverviewScanSubject;
import org.oko.api.model.OverviewScans;
import org.oko.api.model.OverviewStage;
import org.oko.api.model.ParticipantCategory;
import org.oko.api.model.SheetCounts;
import org.oko.campaigns.CampaignMapper;
import org.oko.campaigns.StageNames;
import org.oko.forms.OrganizationFormsDirectory.OrganizationForm;
import org.oko.kits.KitCredentialDirectory.PointRange;
import org.oko.observers.ObserverVisitDirectory.Visit;
import org.oko.orgs.OrganizationMapper;
import org.oko.overview.OrganizationOverviewService.Questionnaire;
import org.oko.overview.OrganizationOverviewService.Schedule;
import org.oko.overview.OrganizationOverviewService.Section;
import org.oko.platform.web.ApiTimes;
import org.oko.publications.OrganizationDownloadsDirectory.Released;
import org.oko.results.ReportOpeningDirectory.Opening;
import org.oko.scans.ScanProgressDirectory.Counts;
import org.oko.scans.ScanProgressDirectory.SubjectRow;

/** The page's sections as the contract has them. */
final class OverviewMapper {

  private OverviewMapper() {}

  static OrganizationOverview overview(Schedule schedule) {
    OverviewTarget t = schedule.target();
    List<OverviewStage> stages = schedule.stages().stream().map(OverviewMapper::stage).toList();
    return new OrganizationOverview(
        OrganizationMapper.brief(t.organization()),
        t.kind(),
        t.regionName(),
        t.campaignId(),
        t.campaign().title(),
        CampaignMapper.toApi(t.campaign().kind()),
        t.zone().getId(),
        ApiTimes.utc(schedule.now()),
        stages);
  }

  private static OverviewStage stage(StageOverview s) {
    return new OverviewStage(
            CampaignMapper.toApi(s.code()),
            StageNames.of(s.code()),
            ApiTimes.utc(s.own().opensAt()),
            ApiTimes.utc(s.own().effectiveClosesAt()),
            ApiTimes.utc(s.region().closesAt()),
            s.extended(),
            s.ownDays(),
            CampaignMapper.toApi(s.own().stateAt(s.now())))
        .regionalDeadline(CampaignMapper.regionalDeadline(s.own()));
  }

  static OverviewForms forms(Section<OrganizationForm> section) {
    return new OverviewForms(section.items().stream().map(OverviewMapper::form).toList());
  }

  private static OverviewForm form(OrganizationForm f) {
    return new OverviewForm(
            f.formId(),
            f.code(),
            f.title(),
            CampaignMapper.toApi(f.stage()),
            FormResponseStatus.valueOf(f.status()),
            f.submissions())
        .subjectKey(f.subjectKey())
        .updatedAt(ApiTimes.utc(f.updatedAt()))
        .submittedAt(ApiTimes.utc(f.submittedAt()));
  }

  static OverviewPublications publications(Section<Released> section) {
    return new OverviewPublications(
        section.items().stream().map(OverviewMapper::publication).toList());
  }

  private static OverviewPublication publication(Released p) {
    return new OverviewPublication(
            p.publicationId(), p.title(), ApiTimes.utc(p.releasedAt()), p.files(), p.downloads())
        .firstDownloadedAt(ApiTimes.utc(p.firstDownloadedAt()))
        .lastDownloadedAt(ApiTimes.utc(p.lastDownloadedAt()));
  }

  static OverviewKits kits(Section<PointRange> section) {
    OverviewTarget t = section.target();
    return new OverviewKits(
        section.items().stream()
            .map(
                r ->
                    new OverviewKitRange(
                        r.subjectKey(),
                        t.subjectName(r.subjectKey()),
                        ParticipantCategory.valueOf(r.category()),
                        r.kits(),
                        r.firstKit(),
                        r.lastKit()))
            .toList());
  }

  static OverviewQuestionnaires questionnaires(Section<Questionnaire> section) {
    OverviewTarget t = section.target();
    return new OverviewQuestionnaires(
        section.items().stream()
            .map(
                q ->
                    new OverviewQuestionnaire(
                        q.subjectKey(),
                        t.subjectName(q.subjectKey()),
                        q.kits(),
                        q.started(),
                        q.submitted()))
            .toList());
  }

  static OverviewScans scans(Section<SubjectRow> section) {
    OverviewTarget t = section.target();
    return new OverviewScans(
        section.items().stream()
            .map(
                r ->
                    new OverviewScanSubject(
                        r.subjectKey(), t.subjectName(r.subjectKey()), sheets(r.sheets())))
            .toList());
  }

  private static SheetCounts sheets(Counts c) {
    return new SheetCounts(
        c.uploaded(),
        c.processing(),
        c.accepted(),
        c.errors(),
        c.assigned(),
        c.scored(),
        c.verified());
  }

  static OverviewObservers observers(Section<Visit> section) {
    List<Visit> visits = section.items();
    List<OverviewObserverVisit> items = visits.stream().map(OverviewMapper::visit).toList();
    return new OverviewObservers(
        (long) visits.size(),
        visits.stream().filter(v -> v.presentAt() != null).count(),
        visits.stream().filter(v -> v.actSubmittedAt() != null).count(),
        visits.stream().filter(v -> Boolean.TRUE.equals(v.violationsFound())).count(),
        items);
  }

  private static OverviewObserverVisit visit(Visit v) {
    var visit =
        new OverviewObserverVisit(
            v.day(), OverviewObserverVisit.ActivityEnum.fromValue(v.activity()));
    visit.setPresentAt(v.presentAt() == null ? null : ApiTimes.utc(v.presentAt()));
    visit.setActSubmittedAt(v.actSubmittedAt() == null ? null : ApiTimes.utc(v.actSubmittedAt()));
    visit.setViolationsFound(v.violationsFound());
    return visit;
  }

  static OverviewReports reports(Section<Opening> section) {
    if (section.items().isEmpty()) {
      return new OverviewReports(false, 0);
    }
    Opening o = section.items().get(0);
    var reports = new OverviewReports(true, o.opens());
    reports.setFirstOpenedAt(ApiTimes.utc(o.firstOpenedAt()));
    reports.setLastOpenedAt(ApiTimes.utc(o.lastOpenedAt()));
    return reports;
  }
}
