package org.oko.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.scans.SchemeDirectory;
import org.oko.scans.SchemeDirectory.Criterion;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scans.SheetDirectory;
import org.oko.scoring.ScoreRules.GivenScore;
import org.oko.scoring.ScoringTaskStore.TaskRow;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * An expert's tasks: the list, one task with what scoring it needs (criteria, pages, until when),
 * the scans of its pages, and the scores ({@link TaskScoringService}).
 */
@Service
class ExpertTaskService {

  /**
   * Until when a work may be scored, and the time zone of its region. {@code closesAt} is null when
   * the schedule has no scoring stage.
   */
  record Deadline(String timeZone, Instant closesAt) {}

  /** A task in the expert's list. */
  record TaskSummary(TaskRow task, Deadline deadline) {}

  /** A task with the subject's criteria, the work's scanned pages and whether it is settled. */
  record TaskView(
      TaskRow task, List<Criterion> criteria, List<Integer> pages, boolean settled, Deadline due) {}

  /** The scan of one page of a work. */
  record PageImage(String contentType, Resource content) {}

  /**
   * Works are only handed out while scoring is open, so a task always has its stage; the zone below
   * is only for a schedule edited afterwards to drop it.
   */
  private static final String ZONE_WITHOUT_STAGE = "Europe/Moscow";

  private final ScoringTaskStore tasks;
  private final TaskScoringService scoring;
  private final ResultStore results;
  private final SchemeDirectory schemes;
  private final SheetDirectory sheets;
  private final StageGate stages;
  private final BlobStore blobs;

  ExpertTaskService(
      ScoringTaskStore tasks,
      TaskScoringService scoring,
      ResultStore results,
      SchemeDirectory schemes,
      SheetDirectory sheets,
      StageGate stages,
      BlobStore blobs) {
    this.tasks = tasks;
    this.scoring = scoring;
    this.results = results;
    this.schemes = schemes;
    this.sheets = sheets;
    this.stages = stages;
    this.blobs = blobs;
  }

  /** The expert's tasks, open ones first; {@code scored} null for all. */
  Mono<Listing<TaskSummary>> page(Caller caller, Boolean scored, Paging paging) {
    Function<TaskRow, Mono<Deadline>> deadlineOf = deadlinesPerPage();
    return Mono.zip(
        tasks
            .page(caller.login(), scored, paging)
            .concatMap(task -> deadlineOf.apply(task).map(due -> new TaskSummary(task, due)))
            .collectList(),
        tasks.count(caller.login(), scored),
        Listing::new);
  }

  Mono<TaskView> task(Caller caller, long taskId) {
    return ownTask(caller, taskId).flatMap(this::view);
  }

  /** The scan of one page of the expert's task; 404 when the work has no such page. */
  Mono<PageImage> pageImage(Caller caller, long taskId, int page) {
    return ownTask(caller, taskId)
        .flatMap(
            task ->
                sheets
                    .pagesOf(task.campaignId(), task.subjectKey(), task.kitNumber())
                    .filter(p -> p.page() == page)
                    .next())
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Страницы " + page + " в скане этой работы нет")))
        .map(scan -> new PageImage(scan.contentType(), blobs.open(scan.blobKey())));
  }

  /** Stores the expert's scores; emits the task as it is then. */
  Mono<TaskView> score(Caller caller, long taskId, List<GivenScore> scores) {
    return scoring.score(caller.login(), taskId, scores).flatMap(this::view);
  }

  private Mono<TaskRow> ownTask(Caller caller, long taskId) {
    return tasks
        .ofExpert(taskId, caller.login())
        .switchIfEmpty(Mono.error(() -> TaskScoringService.notFound(taskId)));
  }

  private Mono<TaskView> view(TaskRow task) {
    Mono<List<Criterion>> criteria =
        schemes
            .of(task.campaignId(), task.subjectKey())
            .map(Scheme::criteria)
            .defaultIfEmpty(List.of());
    Mono<List<Integer>> pages =
        sheets
            .pagesOf(task.campaignId(), task.subjectKey(), task.kitNumber())
            .map(SheetDirectory.PageScan::page)
            .collectList();
    Mono<Boolean> settled = results.isFinal(task.campaignId(), task.subjectKey(), task.kitNumber());
    return Mono.zip(
        Mono.zip(criteria, pages, Work::new),
        Mono.zip(settled, deadline(task), State::new),
        (work, state) ->
            new TaskView(task, work.criteria(), work.pages(), state.settled(), state.due()));
  }

  /** What is scored: the subject's criteria and the work's scanned pages. */
  private record Work(List<Criterion> criteria, List<Integer> pages) {}

  /** Where the work stands: settled or not, and until when it may be scored. */
  private record State(boolean settled, Deadline due) {}

  /**
   * The scoring stage can be extended for a region or a single organization, so it is read per
   * organization of the work.
   */
  private Mono<Deadline> deadline(TaskRow task) {
    return stages
        .window(
            task.campaignId(), Stage.SCORING, task.regionCode(), task.organizationId(), Role.EXPERT)
        .map(window -> new Deadline(window.zone().getId(), window.effectiveClosesAt()))
        .defaultIfEmpty(new Deadline(ZONE_WITHOUT_STAGE, null));
  }

  /** A lookup for one page of tasks: each organization's deadline is read once. */
  private Function<TaskRow, Mono<Deadline>> deadlinesPerPage() {
    Map<String, Mono<Deadline>> known = new ConcurrentHashMap<>();
    return task ->
        known.computeIfAbsent(
            task.campaignId() + ":" + task.organizationId(), key -> deadline(task).cache());
  }
}
