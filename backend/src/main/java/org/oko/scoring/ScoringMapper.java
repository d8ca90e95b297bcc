package org.oko.scoring;

import java.util.ArrayList;
import java.util.List;
import org.oko.api.model.CriterionScore;
import org.oko.api.model.Distribution;
import org.oko.api.model.Expert;
import org.oko.api.model.ExpertApproval;
import org.oko.api.model.ExpertCreated;
import org.oko.api.model.ExpertDecisionInput;
import org.oko.api.model.ExpertInput;
import org.oko.api.model.ExpertLoad;
import org.oko.api.model.ExpertPage;
import org.oko.api.model.OrganizationBrief;
import org.oko.api.model.ScanCriterion;
import org.oko.api.model.ScoringResult;
import org.oko.api.model.ScoringResultPage;
import org.oko.api.model.ScoringResultRoundsInner;
import org.oko.api.model.ScoringResultStatus;
import org.oko.api.model.ScoringTask;
import org.oko.api.model.ScoringTaskPage;
import org.oko.api.model.ScoringTaskStatus;
import org.oko.api.model.ScoringTaskSummary;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Listing;
import org.oko.scoring.ExpertService.NewExpert;
import org.oko.scoring.ExpertService.Registered;
import org.oko.scoring.ExpertStore.ExpertRow;
import org.oko.scoring.ExpertTaskService.TaskSummary;
import org.oko.scoring.ExpertTaskService.TaskView;
import org.oko.scoring.ResultStore.ResultRow;
import org.oko.scoring.ScoreRules.GivenScore;
import org.oko.scoring.ScoringTaskStore.Score;
import org.oko.scoring.ScoringTaskStore.TaskRow;

/** Scoring's experts, tasks and results as the contract shows them, and its inputs. */
final class ScoringMapper {

  private ScoringMapper() {}

  static NewExpert newExpert(ExpertInput in) {
    return new NewExpert(
        in.getLogin(),
        in.getDisplayName(),
        in.getRegionCode(),
        in.getOrganizationId(),
        in.getSubjects());
  }

  static List<GivenScore> given(List<CriterionScore> scores) {
    return scores.stream().map(s -> new GivenScore(s.getCode(), s.getScore())).toList();
  }

  static ExpertPage expertPage(Listing<ExpertRow> found, Integer page, Integer size) {
    return new ExpertPage(
        found.items().stream().map(ScoringMapper::expert).toList(), page, size, found.total());
  }

  static ExpertCreated created(Registered registered) {
    return new ExpertCreated(expert(registered.expert()), registered.password());
  }

  static Distribution distribution(Assignment.Plan plan) {
    List<ExpertLoad> loads = new ArrayList<>();
    plan.loads().forEach((login, load) -> loads.add(new ExpertLoad(login, load)));
    return new Distribution(
        plan.works(), plan.assigned(), plan.secondScorings(), plan.unassigned(), loads);
  }

  static ScoringTaskPage taskPage(Listing<TaskSummary> found, Integer page, Integer size) {
    return new ScoringTaskPage(
        found.items().stream().map(ScoringMapper::summary).toList(), page, size, found.total());
  }

  static ScoringResultPage resultPage(Listing<ResultRow> found, Integer page, Integer size) {
    return new ScoringResultPage(
        found.items().stream().map(ScoringMapper::result).toList(), page, size, found.total());
  }

  static ScoringTask task(TaskView view) {
    TaskRow task = view.task();
    ScoringTask api =
        new ScoringTask(
            task.id(),
            task.campaignId(),
            task.subjectKey(),
            task.subjectName(),
            task.kitNumber(),
            task.round(),
            status(task),
            ApiTimes.utc(task.assignedAt()),
            view.due().timeZone(),
            view.criteria().stream()
                .map(c -> new ScanCriterion(c.code(), c.title(), c.maxScore(), c.page()))
                .toList(),
            view.pages(),
            scores(task.scores()),
            view.settled());
    api.setTotal(task.total());
    api.setScoredAt(ApiTimes.utc(task.scoredAt()));
    api.setClosesAt(ApiTimes.utc(view.due().closesAt()));
    return api;
  }

  private static ScoringTaskSummary summary(TaskSummary found) {
    TaskRow task = found.task();
    ScoringTaskSummary api =
        new ScoringTaskSummary(
            task.id(),
            task.campaignId(),
            task.subjectKey(),
            task.subjectName(),
            task.kitNumber(),
            task.round(),
            status(task),
            ApiTimes.utc(task.assignedAt()),
            found.deadline().timeZone());
    api.setTotal(task.total());
    api.setScoredAt(ApiTimes.utc(task.scoredAt()));
    api.setClosesAt(ApiTimes.utc(found.deadline().closesAt()));
    return api;
  }

  private static ScoringTaskStatus status(TaskRow task) {
    return task.scored() ? ScoringTaskStatus.SCORED : ScoringTaskStatus.OPEN;
  }

  static ExpertApprovalService.Decision decision(ExpertDecisionInput in) {
    return new ExpertApprovalService.Decision(
        in.getDecision() == ExpertDecisionInput.DecisionEnum.APPROVE, in.getReason());
  }

  static Expert expert(ExpertRow row) {
    OrganizationBrief org =
        new OrganizationBrief(
            row.organizationId(),
            row.organizationLogin(),
            row.organizationName(),
            row.organizationRegion());
    org.setMunicipalityId(row.municipalityId());
    org.setMunicipalityName(row.municipalityName());
    return new Expert(
            row.login(),
            row.displayName(),
            row.regionCode(),
            org,
            row.subjects(),
            row.assigned(),
            row.scored(),
            ExpertApproval.fromValue(row.approval()))
        .decidedBy(row.decidedBy())
        .decidedAt(ApiTimes.utc(row.decidedAt()))
        .decisionReason(row.decisionReason());
  }

  private static ScoringResult result(ResultRow row) {
    OrganizationBrief org =
        new OrganizationBrief(
            row.organizationId(),
            row.organizationLogin(),
            row.organizationName(),
            row.regionCode());
    org.setMunicipalityId(row.municipalityId());
    org.setMunicipalityName(row.municipalityName());
    ScoringResultStatus status =
        row.status() == null
            ? ScoringResultStatus.IN_PROGRESS
            : ScoringResultStatus.fromValue(row.status());
    boolean settled = status == ScoringResultStatus.FINAL;
    ScoringResult api =
        new ScoringResult(
            org,
            row.subjectKey(),
            row.kitNumber(),
            status,
            settled ? scores(row.scores()) : List.of(),
            row.rounds().stream().map(ScoringMapper::round).toList());
    api.setTotal(settled ? row.total() : null);
    return api;
  }

  private static ScoringResultRoundsInner round(ResultStore.RoundTotal r) {
    ScoringResultRoundsInner round = new ScoringResultRoundsInner(r.round());
    round.setTotal(r.total());
    return round;
  }

  private static List<CriterionScore> scores(List<Score> scores) {
    return scores == null
        ? List.of()
        : scores.stream().map(s -> new CriterionScore(s.code(), s.score())).toList();
  }
}
