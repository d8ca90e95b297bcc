package org.oko.forms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.api.model.FormChange;
import org.oko.api.model.FormComparison;
import org.oko.api.model.FormDefinition;
import org.oko.api.model.FormDefinitionInput;
import org.oko.api.model.FormMonitoringItem;
import org.oko.api.model.FormMonitoringPage;
import org.oko.api.model.FormPrefillOrganization;
import org.oko.api.model.FormPrefillResult;
import org.oko.api.model.FormRespondent;
import org.oko.api.model.FormRespondentKind;
import org.oko.api.model.FormResponse;
import org.oko.api.model.FormResponseStatus;
import org.oko.api.model.FormResponseVersion;
import org.oko.api.model.FormResponseVersionSummary;
import org.oko.api.model.FormRowPage;
import org.oko.api.model.FormSheet;
import org.oko.api.model.FormSummary;
import org.oko.api.model.FormWindow;
import org.oko.api.model.OrganizationKind;
import org.oko.api.model.ProblemError;
import org.oko.api.model.StageCode;
import org.oko.campaigns.CampaignMapper;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageWindow;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.Paging;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forms API's types to the feature's records and back. The API's sheets and the definition
 * model share one shape, so they are converted as JSON.
 */
@Component
class FormsMapper {

  private static final TypeReference<List<FormSheet>> SHEETS = new TypeReference<>() {};

  private final JsonMapper json;

  FormsMapper(JsonMapper json) {
    this.json = json;
  }

  // --- definitions

  DefinitionRules.Input input(FormDefinitionInput in) {
    return new DefinitionRules.Input(
        in.getCode(),
        in.getTitle(),
        in.getInstruction(),
        Stage.valueOf(in.getStage().getValue()),
        kind(in.getRespondent()),
        in.getOrganizationKinds() == null
            ? null
            : in.getOrganizationKinds().stream().map(OrganizationKind::getValue).toList(),
        in.getSubjectKey(),
        json.convertValue(Map.of("sheets", in.getSheets()), FormSchema.class),
        in.getVersion());
  }

  FormDefinition definition(FormDefinitionRow form) {
    FormDefinition api =
        new FormDefinition(
            form.id(),
            form.campaignId(),
            form.code(),
            form.title(),
            StageCode.fromValue(form.stage().name()),
            kind(form.respondent()),
            json.convertValue(form.schema().sheets(), SHEETS),
            form.version(),
            ApiTimes.utc(form.updatedAt()));
    api.setInstruction(form.instruction());
    api.setOrganizationKinds(
        form.organizationKinds().stream().map(OrganizationKind::fromValue).toList());
    api.setSubjectKey(form.subjectKey());
    api.setRegion(form.regionCode());
    return api;
  }

  static FormSummary summary(FormListService.Listed listed) {
    FormDefinitionRow form = listed.form();
    FormSummary summary =
        new FormSummary(
            form.id(),
            form.campaignId(),
            form.code(),
            form.title(),
            StageCode.fromValue(form.stage().name()),
            kind(form.respondent()),
            form.version());
    summary.setSubjectKey(form.subjectKey());
    summary.setRegion(form.regionCode());
    if (listed.mine() != null) {
      summary.setMyStatus(status(listed.mine()));
      summary.setMySubmittedAt(ApiTimes.utc(listed.mySubmittedAt()));
    }
    if (listed.window() != null) {
      summary.setWindow(window(listed.window(), listed.now()));
    }
    return summary;
  }

  static List<DefinitionRules.PrefillRows> prefillRows(List<FormPrefillOrganization> in) {
    return in.stream()
        .map(o -> new DefinitionRules.PrefillRows(o.getOrganization(), o.getRows()))
        .toList();
  }

  static FormPrefillResult prefilled(FormPrefillService.Prefilled prefilled) {
    return new FormPrefillResult(prefilled.organizations(), prefilled.rows());
  }

  // --- responses

  static FormResponse response(ResponseView view) {
    ResponseTarget t = view.target();
    ResponseRow row = view.row();
    FormResponse response =
        new FormResponse(
            t.form().id(),
            view.definitionVersion(),
            respondent(t.respondent()),
            status(view.status()),
            row == null ? 0L : row.version(),
            sheetsOf(view),
            view.rowCounts(),
            view.complete(),
            view.problems().stream().map(FormsMapper::problem).toList(),
            view.editable(),
            row == null ? 0 : row.submissions());
    if (view.window() != null) {
      response.setWindow(window(view.window(), view.now()));
    }
    if (row != null) {
      response.setUpdatedAt(ApiTimes.utc(row.updatedAt()));
      response.setUpdatedBy(row.updatedBy());
      response.setSubmittedAt(ApiTimes.utc(row.submittedAt()));
      response.setSubmittedBy(row.submittedBy());
      if (row.reopening() != null) {
        response.setReopenedAt(ApiTimes.utc(row.reopening().at()));
        response.setReopenedBy(row.reopening().by());
        response.setReopenedByCoordinator(row.reopening().byCoordinator());
        response.setReopenReason(row.reopening().reason());
      }
    }
    return response;
  }

  /** Every row when the grid edits them all; none for a large response (its rows are paged). */
  private static Map<String, List<Map<String, String>>> sheetsOf(ResponseView view) {
    Map<String, List<Map<String, String>>> sheets = new LinkedHashMap<>();
    boolean complete = view.complete();
    view.sheets().forEach((key, rows) -> sheets.put(key, complete ? rows : List.of()));
    return sheets;
  }

  static FormRowPage rowPage(ResponseRowsService.RowPage page) {
    return new FormRowPage(
        page.sheet(), page.offset(), page.total(), page.version(), List.copyOf(page.rows()));
  }

  static FormResponseVersionSummary versionSummary(ResponseVersionStore.Version v) {
    return new FormResponseVersionSummary(
        v.number(),
        ApiTimes.utc(v.submittedAt()),
        v.submittedBy(),
        v.definitionVersion(),
        v.rows());
  }

  static FormResponseVersion version(ResponseVersionStore.Version v) {
    return new FormResponseVersion(
        v.number(),
        ApiTimes.utc(v.submittedAt()),
        v.submittedBy(),
        v.definitionVersion(),
        new LinkedHashMap<>(v.content()));
  }

  static FormComparison comparison(ResponseVersionService.Comparison c) {
    FormComparison comparison =
        new FormComparison(c.from(), c.changes().stream().map(FormsMapper::change).toList());
    comparison.setTo(c.to());
    return comparison;
  }

  private static FormChange change(ContentDiff.Change c) {
    FormChange change =
        new FormChange(c.sheet(), c.row(), FormChange.KindEnum.fromValue(c.kind().name()));
    if (c.kind() == ContentDiff.Kind.CHANGED) {
      change.setColumn(c.column());
      change.setBefore(c.before());
      change.setAfter(c.after());
    }
    return change;
  }

  // --- monitoring

  static FormMonitoringPage monitoringPage(FormMonitoringStore.Result r, Paging paging) {
    return new FormMonitoringPage(
        (int) r.notStarted(),
        (int) r.draft(),
        (int) r.submitted(),
        r.lines().stream().map(FormsMapper::monitoringItem).toList(),
        paging.page(),
        paging.size(),
        r.matching());
  }

  private static FormMonitoringItem monitoringItem(FormMonitoringStore.Line line) {
    FormMonitoringItem item =
        new FormMonitoringItem(
            respondent(line.respondent()), status(line.status()), line.submissions());
    item.setMunicipalityName(line.respondent().municipalityName());
    item.setUpdatedAt(ApiTimes.utc(line.updatedAt()));
    item.setSubmittedAt(ApiTimes.utc(line.submittedAt()));
    return item;
  }

  // --- values

  static ResponseStatus status(FormResponseStatus status) {
    return status == null ? null : ResponseStatus.valueOf(status.getValue());
  }

  static FormResponseStatus status(ResponseStatus status) {
    return FormResponseStatus.fromValue(status.name());
  }

  static RespondentKind kind(FormRespondentKind kind) {
    return kind == null ? null : RespondentKind.valueOf(kind.getValue());
  }

  static FormRespondentKind kind(RespondentKind kind) {
    return FormRespondentKind.fromValue(kind.name());
  }

  static FormRespondent respondent(Respondent r) {
    FormRespondent api = new FormRespondent(kind(r.kind()), r.name(), r.regionCode());
    api.setOrganizationId(r.organizationId());
    api.setOrganizationLogin(r.login());
    api.setMunicipalityId(r.municipalityId());
    return api;
  }

  static FormWindow window(StageWindow w, Instant now) {
    return new FormWindow(
            ApiTimes.utc(w.opensAt()),
            ApiTimes.utc(w.effectiveClosesAt()),
            w.isOpenAt(now),
            w.zone().getId())
        .regionalDeadline(CampaignMapper.regionalDeadline(w));
  }

  static ProblemError problem(FieldProblem p) {
    ProblemError e = new ProblemError(p.message());
    e.setField(p.field());
    e.setSheet(p.sheet());
    e.setCell(p.cell());
    e.setValue(p.value());
    e.setRow(p.row());
    e.setColumn(p.column());
    return e;
  }
}
