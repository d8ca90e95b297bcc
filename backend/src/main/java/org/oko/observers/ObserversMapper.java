package org.oko.observers;

import java.util.List;
import java.util.function.Function;
import org.oko.api.model.Observer;
import org.oko.api.model.ObserverAct;
import org.oko.api.model.ObserverActPage;
import org.oko.api.model.ObserverActivity;
import org.oko.api.model.ObserverAssignment;
import org.oko.api.model.ObserverAssignmentPage;
import org.oko.api.model.ObserverFile;
import org.oko.api.model.ObserverInput;
import org.oko.api.model.ObserverKind;
import org.oko.api.model.ObserverNote;
import org.oko.api.model.ObserverPage;
import org.oko.api.model.ObserverPointPresence;
import org.oko.api.model.ObserverPointPresenceObserversInner;
import org.oko.api.model.ObserverPresenceBoard;
import org.oko.api.model.ObserverPresenceBoardTotals;
import org.oko.api.model.ObserverStatus;
import org.oko.api.model.OrganizationBrief;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.ApiTimes;

/** The observers' domain records as the generated API types, and back. */
final class ObserversMapper {

  private ObserversMapper() {}

  /** The contract's observers' page types: the items, the page asked for and the total. */
  @FunctionalInterface
  interface PageOf<A, P> {
    P page(List<A> items, Integer page, Integer size, Long total);
  }

  static ObserverPage observers(ObserverService.Page found, Integer page, Integer size) {
    return page(
        found.items(), found.total(), page, size, ObserversMapper::toApi, ObserverPage::new);
  }

  static ObserverAssignmentPage assignments(
      AssignmentService.Page found, Integer page, Integer size) {
    return page(
        found.items(),
        found.total(),
        page,
        size,
        ObserversMapper::toApi,
        ObserverAssignmentPage::new);
  }

  static ObserverActPage acts(ActReviewService.Page found, Integer page, Integer size) {
    return page(
        found.items(), found.total(), page, size, ObserversMapper::toApi, ObserverActPage::new);
  }

  /** One page of a list as the contract's page type, each item mapped by {@code item}. */
  static <T, A, P> P page(
      List<T> items, long total, Integer page, Integer size, Function<T, A> item, PageOf<A, P> of) {
    return of.page(items.stream().map(item).toList(), page, size, total);
  }

  static NewObserver fromApi(ObserverInput in) {
    return new NewObserver(
        in.getKind() == ObserverKind.INDEPENDENT
            ? ObserverInfo.Kind.INDEPENDENT
            : ObserverInfo.Kind.PUBLIC,
        in.getFullName(),
        in.getPhone(),
        in.getEmail(),
        in.getWorkplace(),
        in.getWorkplaceOrganizationId(),
        in.getRegionCode());
  }

  static ObserverInfo.Kind kind(ObserverKind kind) {
    return kind == null ? null : ObserverInfo.Kind.valueOf(kind.getValue());
  }

  static ObserverInfo.Status status(ObserverStatus status) {
    return status == null ? null : ObserverInfo.Status.valueOf(status.getValue());
  }

  static AssignmentInfo.Activity activity(ObserverActivity activity) {
    return AssignmentInfo.Activity.valueOf(activity.getValue());
  }

  static Observer toApi(ObserverInfo o) {
    return new Observer(
            o.id(),
            o.campaignId(),
            ObserverKind.fromValue(o.kind().name()),
            ObserverStatus.fromValue(o.status().name()),
            o.fullName(),
            o.workplace(),
            o.regionCode(),
            o.assignments(),
            ApiTimes.utc(o.createdAt()))
        .phone(o.phone())
        .email(o.email())
        .workplaceOrganization(brief(o.workplaceOrganization()))
        .proposedBy(brief(o.proposedBy()))
        .login(o.login())
        .rejectionReason(o.rejectionReason());
  }

  static ObserverAssignment toApi(AssignmentInfo a) {
    return new ObserverAssignment(
            a.id(),
            a.campaignId(),
            a.campaignTitle(),
            a.observerId(),
            a.observerName(),
            ObserverKind.fromValue(a.observerKind().name()),
            brief(a.point()),
            a.address() == null ? "" : a.address(),
            a.day(),
            ObserverActivity.fromValue(a.activity().name()),
            a.assignedBy(),
            a.notes(),
            a.actSubmitted(),
            a.timeZone())
        .presentAt(a.presentAt() == null ? null : ApiTimes.utc(a.presentAt()));
  }

  /** The observer's own assignment, with its act's deadline. */
  static ObserverAssignment mine(PresenceService.Mine m) {
    return toApi(m.assignment())
        .actDeadline(m.actDeadline() == null ? null : ApiTimes.utc(m.actDeadline()));
  }

  private static ObserverPointPresenceObserversInner expected(PointPresence.Expected e) {
    return new ObserverPointPresenceObserversInner(
            e.assignmentId(),
            e.observerName(),
            ObserverKind.fromValue(e.kind().name()),
            ObserverActivity.fromValue(e.activity().name()))
        .presentAt(e.presentAt() == null ? null : ApiTimes.utc(e.presentAt()));
  }

  static ObserverPresenceBoard toApi(
      PointPresence.Board board, java.time.LocalDate day, int page, int size) {
    var totals = board.totals();
    List<ObserverPointPresence> items =
        board.page().stream()
            .map(
                p ->
                    new ObserverPointPresence(
                        brief(p.point()),
                        p.expected(),
                        p.present(),
                        p.observers().stream().map(ObserversMapper::expected).toList()))
            .toList();
    return new ObserverPresenceBoard(
        day,
        board.timeZone(),
        new ObserverPresenceBoardTotals(
            totals.points(), totals.pointsWithoutObservers(), totals.expected(), totals.present()),
        items,
        page,
        size,
        totals.points());
  }

  static ObserverNote toApi(NoteInfo n) {
    return new ObserverNote(
            n.id(),
            n.assignmentId(),
            n.what(),
            n.text(),
            ApiTimes.utc(n.createdAt()),
            n.files().stream().map(ObserversMapper::toApi).toList())
        .occurredAt(n.occurredAt() == null ? null : ApiTimes.utc(n.occurredAt()))
        .room(n.room());
  }

  static ObserverFile toApi(FileInfo f) {
    return new ObserverFile(
        f.id(), f.fileName(), f.contentType(), f.size(), ApiTimes.utc(f.uploadedAt()));
  }

  static ObserverAct toApi(ActInfo x) {
    return new ObserverAct(
            x.id(),
            x.assignmentId(),
            x.campaignId(),
            brief(x.point()),
            x.observerName(),
            ObserverKind.fromValue(x.observerKind().name()),
            x.day(),
            x.violationsFound(),
            ApiTimes.utc(x.submittedAt()),
            x.reviewed(),
            x.timeZone(),
            x.late())
        .deadline(x.deadline() == null ? null : ApiTimes.utc(x.deadline()))
        .violations(x.violations())
        .remarks(x.remarks())
        .scan(x.scan() == null ? null : toApi(x.scan()))
        .withViolations(x.withViolations())
        .reviewComment(x.reviewComment())
        .reviewedAt(x.reviewedAt() == null ? null : ApiTimes.utc(x.reviewedAt()))
        .witnessedProtocols(x.witnessedProtocols());
  }

  static OrganizationBrief brief(OrganizationRef o) {
    if (o == null) {
      return null;
    }
    return new OrganizationBrief(o.id(), o.login(), o.name(), o.regionCode())
        .municipalityId(o.municipalityId())
        .municipalityName(o.municipalityName());
  }
}
