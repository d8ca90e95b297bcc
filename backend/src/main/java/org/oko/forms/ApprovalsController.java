package org.oko.forms;

import org.oko.api.ApprovalsApi;
import org.oko.api.model.Approval;
import org.oko.api.model.ApprovalDecision;
import org.oko.api.model.ApprovalPage;
import org.oko.api.model.ApprovalSetting;
import org.oko.api.model.ApprovalState;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Acceptance of organizations' reports up the hierarchy (issue 20). */
@RestController
class ApprovalsController implements ApprovalsApi {

  private final ApprovalService approvals;

  ApprovalsController(ApprovalService approvals) {
    this.approvals = approvals;
  }

  @Override
  public Mono<ResponseEntity<ApprovalPage>> listFormApprovals(
      Long formId, ApprovalState state, Integer page, Integer size, ServerWebExchange exchange) {
    Paging paging = new Paging(page == null ? 0 : page, size == null ? 20 : size);
    ApprovalRules.State wanted = ApprovalMapper.state(state);
    return CurrentCaller.get()
        .flatMap(caller -> approvals.list(caller, formId, wanted, paging))
        .map(found -> ResponseEntity.ok(ApprovalMapper.page(found, wanted, paging)));
  }

  @Override
  public Mono<ResponseEntity<Approval>> getFormApproval(
      Long formId, String organization, ServerWebExchange exchange) {
    return CurrentCaller.get()
        .flatMap(caller -> approvals.get(caller, formId, organization))
        .map(found -> ResponseEntity.ok(ApprovalMapper.approval(found)));
  }

  @Override
  public Mono<ResponseEntity<Approval>> decideFormApproval(
      Long formId, String organization, Mono<ApprovalDecision> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            request ->
                approvals.decide(
                    request.getT1(),
                    formId,
                    organization,
                    ApprovalRules.Action.valueOf(request.getT2().getAction().getValue()),
                    request.getT2().getComment()))
        .map(found -> ResponseEntity.ok(ApprovalMapper.approval(found)));
  }

  @Override
  public Mono<ResponseEntity<ApprovalSetting>> setFormApproval(
      Long formId, Mono<ApprovalSetting> body, ServerWebExchange exchange) {
    return Mono.zip(CurrentCaller.get(), body)
        .flatMap(
            request ->
                approvals.setRequired(request.getT1(), formId, request.getT2().getRequired()))
        .map(required -> ResponseEntity.ok(new ApprovalSetting(required)));
  }
}
