package org.oko.campaigns;

import java.time.Instant;
import java.util.List;
import org.oko.api.model.Campaign;
import org.oko.api.model.CampaignKind;
import org.oko.api.model.CampaignSubject;
import org.oko.api.model.StageCode;
import org.oko.api.model.StageState;
import org.oko.api.model.SubjectTask;
import org.oko.platform.web.ApiTimes;

/**
 * The campaigns' domain values and the generated API's, both ways. Public for the other features'
 * controllers, which show stages, subjects and kinds of campaigns too.
 */
public final class CampaignMapper {

  private CampaignMapper() {}

  public static Stage stage(StageCode code) {
    return code == null ? null : Stage.valueOf(code.name());
  }

  public static StageCode toApi(Stage stage) {
    return stage == null ? null : StageCode.valueOf(stage.name());
  }

  public static CampaignInfo.Kind kind(CampaignKind kind) {
    return kind == null ? null : CampaignInfo.Kind.valueOf(kind.name());
  }

  public static CampaignKind toApi(CampaignInfo.Kind kind) {
    return kind == null ? null : CampaignKind.valueOf(kind.name());
  }

  public static StageState toApi(StageWindow.State state) {
    return StageState.valueOf(state.name());
  }

  public static Subject subject(CampaignSubject s) {
    List<Subject.Task> tasks =
        s.getTasks() == null
            ? List.of()
            : s.getTasks().stream()
                .map(t -> new Subject.Task(t.getLabel(), t.getMaxScore()))
                .toList();
    return new Subject(s.getKey(), s.getName(), s.getGrade(), s.getMaxScore(), tasks);
  }

  public static List<Subject> subjects(List<CampaignSubject> subjects) {
    return subjects.stream().map(CampaignMapper::subject).toList();
  }

  public static CampaignSubject toApi(Subject s) {
    CampaignSubject out = new CampaignSubject(s.key(), s.name());
    out.setGrade(s.grade());
    out.setMaxScore(s.maxScore());
    out.setTasks(s.tasks().stream().map(t -> new SubjectTask(t.label(), t.maxScore())).toList());
    return out;
  }

  static org.oko.api.model.Stage toApi(StageWindow w, Instant now) {
    return new org.oko.api.model.Stage(
            toApi(w.code()),
            StageNames.of(w.code()),
            ApiTimes.utc(w.opensAt()),
            ApiTimes.utc(w.closesAt()),
            ApiTimes.utc(w.effectiveClosesAt()),
            toApi(w.stateAt(now)))
        .regionalDeadline(regionalDeadline(w));
  }

  /** The region's own deadline that closes the window early, or null when the federal one holds. */
  public static org.oko.api.model.RegionalDeadline regionalDeadline(StageWindow w) {
    return w.regional() == null
        ? null
        : new org.oko.api.model.RegionalDeadline(
            w.regional().title(), ApiTimes.utc(w.regional().dueAt()));
  }

  static Campaign toApi(CampaignRow row, String zone, Instant now) {
    List<org.oko.api.model.Stage> stages = row.stages().stream().map(w -> toApi(w, now)).toList();
    Campaign campaign =
        new Campaign(
            row.id(),
            toApi(row.kind()),
            row.title(),
            row.academicYear(),
            row.subjects().stream().map(CampaignMapper::toApi).toList(),
            row.regionCodes(),
            stages,
            zone,
            row.version(),
            ApiTimes.utc(row.createdAt()));
    stages.stream()
        .filter(s -> s.getState() == StageState.OPEN)
        .findFirst()
        .ifPresent(s -> campaign.setCurrentStage(s.getCode()));
    return campaign;
  }
}
