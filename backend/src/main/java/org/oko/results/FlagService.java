package org.oko.results;

import java.util.List;
import org.oko.platform.security.Caller;
import org.oko.results.ReportScopeService.Context;
import org.oko.results.ReportService.Named;
import org.oko.results.ReportViews.Flags;
import org.oko.results.ResultsStore.Place;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The objectivity flags of one organization (docs/results.md), as stored with its tally ({@link
 * FlagRefreshService}). For coordinators and the federal organizer only.
 */
@Service
class FlagService {

  private final ReportScopeService scopes;
  private final FlagStore flags;
  private final FlagRefreshService refresh;

  FlagService(ReportScopeService scopes, FlagStore flags, FlagRefreshService refresh) {
    this.scopes = scopes;
    this.flags = flags;
    this.refresh = refresh;
  }

  Mono<Flags> flags(Caller caller, long campaignId, String subjectKey, long organizationId) {
    ReportAccess.requireFlagReader(caller);
    return scopes
        .context(caller, campaignId, subjectKey, new Named(organizationId, null, null), true)
        .flatMap(
            ctx ->
                flags
                    .stored(campaignId, subjectKey, organizationId)
                    .flatMap(stored -> flagsOf(ctx, stored))
                    .defaultIfEmpty(new Flags(ctx.unit(), ctx.subject(), 0, List.of())));
  }

  /**
   * The stored signs, or, for results stored before the flags were, decided now ({@link FlagWorker}
   * stores them).
   */
  private Mono<Flags> flagsOf(Context ctx, FlagStore.Stored stored) {
    Mono<List<Flag>> decided =
        stored.flags() != null
            ? Mono.just(stored.flags())
            : refresh.decide(
                ctx.subject(),
                new Place(
                    stored.organizationId(), ctx.unit().regionCode(), ctx.unit().municipalityId()));
    return decided.map(flags -> new Flags(ctx.unit(), ctx.subject(), stored.participants(), flags));
  }
}
