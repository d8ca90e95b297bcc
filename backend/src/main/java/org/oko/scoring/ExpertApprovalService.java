package org.oko.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.events.Outbox;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.oko.scoring.ExpertStore.ExpertRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Experts «по согласованию с федеральным организатором» (seed {@code 000_c9abf0b417e3d9bf.txt}): a
 * region proposes an expert by registering them, the federal organizer approves or rejects, and
 * only an approved expert is given works ({@link ExpertStore#candidates}).
 */
@Service
class ExpertApprovalService {

  /** The federal organizer's decision: approve, or reject with a reason the region will read. */
  record Decision(boolean approve, String reason) {}

  private final CampaignDirectory campaigns;
  private final ExpertStore experts;
  private final Outbox outbox;
  private final AuditLog audit;
  private final TransactionalOperator tx;
  private final Clock clock;

  ExpertApprovalService(
      CampaignDirectory campaigns,
      ExpertStore experts,
      Outbox outbox,
      AuditLog audit,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.experts = experts;
    this.outbox = outbox;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  Mono<ExpertRow> decide(Caller caller, long campaignId, String login, Decision decision) {
    if (!caller.isFederal()) {
      return Mono.error(new AccessDeniedException());
    }
    String reason = decision.reason() == null ? null : decision.reason().strip();
    if (!decision.approve() && (reason == null || reason.isEmpty())) {
      return Mono.error(
          new UnprocessableException(
              "Эксперт не отклонён: укажите причину — её увидит региональный координатор",
              List.of(FieldProblem.of("reason", "укажите причину отклонения"))));
    }
    Mono<ExpertRow> decided =
        experts
            .one(campaignId, login)
            .switchIfEmpty(
                Mono.error(
                    () ->
                        new NotFoundException(
                            "Эксперт «" + login + "» не зарегистрирован в этой кампании")))
            .flatMap(
                expert -> {
                  if (!decision.approve() && expert.assigned() > 0) {
                    return Mono.error(
                        new ConflictException(
                            "Эксперт «"
                                + expert.displayName()
                                + "» уже получил работы ("
                                + expert.assigned()
                                + "): отклонить его нельзя, пока работы не переданы другим"
                                + " экспертам"));
                  }
                  Instant now = clock.instant();
                  return experts
                      .decide(
                          campaignId,
                          login,
                          decision.approve() ? "APPROVED" : "REJECTED",
                          caller.login(),
                          now,
                          decision.approve() ? null : reason)
                      .then(announce(caller, campaignId, expert, decision.approve(), reason, now))
                      .then(experts.one(campaignId, login));
                });
    return campaigns
        .visibleTo(caller, campaignId)
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Кампания " + campaignId + " не найдена")))
        .then(decided.as(tx::transactional));
  }

  /**
   * The decision in the audit log and as an event, in the decision's transaction: the region that
   * proposed the expert hears of it through the notifications.
   */
  private Mono<Void> announce(
      Caller caller,
      long campaignId,
      ExpertRow expert,
      boolean approved,
      String reason,
      Instant now) {
    ExpertDecided event =
        new ExpertDecided(
            campaignId,
            expert.login(),
            expert.displayName(),
            expert.regionCode(),
            approved,
            approved ? null : reason,
            caller.login(),
            now);
    return audit
        .record(
            new AuditLog.Entry(
                caller.login(),
                caller.role().name(),
                expert.regionCode(),
                approved ? "expert.approve" : "expert.reject",
                "кампания "
                    + campaignId
                    + ", эксперт "
                    + expert.login()
                    + (approved ? "" : ": " + reason),
                "success",
                "unknown"))
        .then(outbox.append(ExpertDecided.TOPIC, campaignId + ":" + expert.login(), event));
  }
}
