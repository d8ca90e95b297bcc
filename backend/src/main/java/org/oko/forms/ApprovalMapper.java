package org.oko.forms;

import java.util.List;
import org.oko.api.model.Approval;
import org.oko.api.model.ApprovalAction;
import org.oko.api.model.ApprovalEvent;
import org.oko.api.model.ApprovalPage;
import org.oko.api.model.ApprovalRow;
import org.oko.api.model.ApprovalState;
import org.oko.api.model.OrganizationBrief;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Paging;

/** Acceptance as the contract has it. */
final class ApprovalMapper {

  private ApprovalMapper() {}

  static ApprovalRules.State state(ApprovalState state) {
    return state == null ? null : ApprovalRules.State.valueOf(state.getValue());
  }

  static Approval approval(ApprovalService.Approval a) {
    Respondent r = a.organization();
    ApprovalStore.Current c = a.current();
    ApprovalRules.State state = c.state();
    List<ApprovalEvent> history =
        a.history().stream()
            .map(
                e ->
                    new ApprovalEvent(
                            ApprovalAction.fromValue(e.action()),
                            ApprovalEvent.LevelEnum.fromValue(e.level()),
                            e.by(),
                            ApiTimes.utc(e.at()))
                        .comment(e.comment()))
            .toList();
    return new Approval(
            brief(
                r.organizationId(),
                r.login(),
                r.name(),
                r.regionCode(),
                r.municipalityId(),
                r.municipalityName()),
            a.required(),
            ApprovalState.fromValue(state.name()),
            a.zone().getId(),
            a.canAccept(),
            a.canReturn(),
            history)
        .submittedAt(ApiTimes.utc(c.submittedAt()))
        .comment(state == ApprovalRules.State.RETURNED ? c.comment() : null)
        .decidedBy(c.stored() == null ? null : c.decidedBy())
        .decidedAt(c.stored() == null ? null : ApiTimes.utc(c.decidedAt()));
  }

  static ApprovalPage page(ApprovalService.Page p, ApprovalRules.State wanted, Paging paging) {
    ApprovalStore.Counts n = p.counts();
    long total =
        wanted == null
            ? n.pending() + n.municipalityAccepted() + n.regionAccepted() + n.returned()
            : switch (wanted) {
              case PENDING -> n.pending();
              case MUNICIPALITY_ACCEPTED -> n.municipalityAccepted();
              case REGION_ACCEPTED -> n.regionAccepted();
              case RETURNED -> n.returned();
              case NOT_SUBMITTED -> 0;
            };
    List<ApprovalRow> rows = p.rows().stream().map(ApprovalMapper::row).toList();
    return new ApprovalPage(
        p.required(),
        n.pending(),
        n.municipalityAccepted(),
        n.regionAccepted(),
        n.returned(),
        rows,
        paging.page(),
        paging.size(),
        total);
  }

  private static ApprovalRow row(ApprovalStore.Row r) {
    ApprovalStore.Current c = r.current();
    ApprovalRules.State state = c.state();
    boolean decided = state != ApprovalRules.State.PENDING;
    return new ApprovalRow(
            brief(
                r.organizationId(),
                r.login(),
                r.name(),
                r.regionCode(),
                r.municipalityId(),
                r.municipality()),
            ApprovalState.fromValue(state.name()))
        .submittedAt(ApiTimes.utc(c.submittedAt()))
        .decidedBy(decided ? c.decidedBy() : null)
        .decidedAt(decided ? ApiTimes.utc(c.decidedAt()) : null)
        .comment(state == ApprovalRules.State.RETURNED ? c.comment() : null);
  }

  private static OrganizationBrief brief(
      long id, String login, String name, String region, Long municipalityId, String municipality) {
    return new OrganizationBrief(id, login, name, region)
        .municipalityId(municipalityId)
        .municipalityName(municipality);
  }
}
