package org.oko.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.oko.api.SampleApi;
import org.oko.api.model.EducationLevel;
import org.oko.api.model.PreliminaryEntry;
import org.oko.api.model.PreliminaryListInput;
import org.oko.api.model.PreliminaryListResult;
import org.oko.api.model.SampleAttributes;
import org.oko.api.model.SampleDrawInput;
import org.oko.api.model.SampleEntryPage;
import org.oko.api.model.SamplePublishInput;
import org.oko.api.model.SampleSelectionInput;
import org.oko.api.model.SampleStatus;
import org.oko.api.model.SampleSummary;
import org.oko.api.model.VerificationDiff;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.excel.WorkbookDownload;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.security.Role;
import org.oko.platform.web.Paging;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The sample (tag {@code sample}): regions submit preliminary lists, the federal organizer draws,
 * adjusts and publishes the sample, coordinators read their part and verify it. The two workbook
 * uploads are streamed routes in {@link SampleUploadRoutes}.
 */
@RestController
class SampleController implements SampleApi {

  /** Who reads the sample: coordinators at every level (and regional systems, as their region). */
  private static final Role[] READERS = {
    Role.FEDERAL, Role.REGIONAL, Role.API_CLIENT, Role.MUNICIPAL, Role.RESPONSIBLE
  };

  static final Role[] VERIFIERS = {Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE};

  private final CampaignDirectory campaigns;
  private final SampleQueries queries;
  private final PreliminaryLists lists;
  private final SampleSelection selection;
  private final Verifications verifications;
  private final OrganizationDirectory organizations;

  SampleController(
      CampaignDirectory campaigns,
      SampleQueries queries,
      PreliminaryLists lists,
      SampleSelection selection,
      Verifications verifications,
      OrganizationDirectory organizations) {
    this.campaigns = campaigns;
    this.queries = queries;
    this.lists = lists;
    this.selection = selection;
    this.verifications = verifications;
    this.organizations = organizations;
  }

  @Override
  public Mono<ResponseEntity<SampleEntryPage>> listSampleEntries(
      Long campaignId,
      String regionCode,
      Long municipalityId,
      SampleStatus status,
      String q,
      Integer page,
      Integer size,
      ServerWebExchange exchange) {
    Paging paging = new Paging(page, size);
    return CurrentCaller.withRole(READERS)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .then(scope(caller, regionCode, municipalityId)))
        .flatMap(
            scope ->
                Mono.zip(
                    queries.count(campaignId, scope, status, q),
                    queries.list(campaignId, scope, status, q, paging).collectList()))
        .map(
            t ->
                ResponseEntity.ok(
                    new SampleEntryPage(
                        page, size, t.getT1(), paging.totalPages(t.getT1()), t.getT2())));
  }

  @Override
  public Mono<ResponseEntity<SampleSummary>> getSampleSummary(
      Long campaignId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(READERS)
        .flatMap(caller -> campaigns.visibleTo(caller, campaignId).flatMap(c -> summary(caller, c)))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<PreliminaryListResult>> submitPreliminaryList(
      Long campaignId,
      String regionCode,
      Mono<PreliminaryListInput> body,
      ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.REGIONAL, Role.FEDERAL)
        .flatMap(
            caller ->
                lists
                    .access(caller, campaignId, regionCode)
                    .flatMap(
                        campaign ->
                            lists
                                .requireEditable(campaignId, regionCode)
                                .then(body)
                                .flatMap(
                                    in ->
                                        lists.submit(
                                            caller,
                                            campaign,
                                            regionCode,
                                            proposals(in.getEntries()),
                                            List.of()))))
        .map(ResponseEntity::ok);
  }

  private static List<Proposal> proposals(List<PreliminaryEntry> entries) {
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      SampleAttributes a = entries.get(i).getAttributes();
      proposals.add(
          new Proposal(
              entries.get(i).getOrganizationLogin(),
              new Attributes(
                  a.getParticipants(),
                  a.getInstitutionType().strip(),
                  a.getSettlementType().getValue(),
                  a.getEducationLevels().stream().map(EducationLevel::getValue).distinct().toList(),
                  List.copyOf(new LinkedHashSet<>(a.getSubjects()))),
              Place.entry(i)));
    }
    return proposals;
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadPreliminaryListTemplate(
      Long campaignId, String regionCode, ServerWebExchange exchange) {
    return CurrentCaller.withRole(Role.REGIONAL, Role.FEDERAL)
        .flatMap(caller -> lists.access(caller, campaignId, regionCode))
        .flatMap(
            campaign ->
                queries
                    .template(campaignId, regionCode, campaign.organizationKinds())
                    .map(SampleController::templateLine)
                    .collectList()
                    .publishOn(Schedulers.boundedElastic())
                    .map(
                        lines ->
                            SampleWorkbook.write(
                                FormSignature.preliminaryList(campaignId, regionCode),
                                "Предварительный список ОО. "
                                    + campaign.title()
                                    + ", регион "
                                    + regionCode,
                                lines,
                                campaign.subjects())))
        .map(
            bytes ->
                WorkbookDownload.response(
                    bytes, "preliminary-list-" + campaignId + "-" + regionCode + ".xlsx"));
  }

  private static SampleWorkbook.Line templateLine(SampleQueries.TemplateRow row) {
    Attributes listed = row.listed();
    if (listed == null) {
      return new SampleWorkbook.Line(
          row.login(),
          row.name(),
          false,
          null,
          Vocabulary.defaultType(row.kind()),
          row.settlementType(),
          row.educationLevels(),
          List.of());
    }
    return new SampleWorkbook.Line(
        row.login(),
        row.name(),
        true,
        listed.participants(),
        listed.institutionType(),
        listed.settlementType(),
        listed.educationLevels(),
        listed.subjects());
  }

  @Override
  public Mono<ResponseEntity<SampleSummary>> drawSample(
      Long campaignId, Mono<SampleDrawInput> body, ServerWebExchange exchange) {
    return federal(campaignId)
        .flatMap(
            t ->
                body.flatMap(in -> selection.draw(t.campaign(), in))
                    .then(summary(t.caller(), t.campaign())))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<SampleSummary>> selectSampleEntries(
      Long campaignId, Mono<SampleSelectionInput> body, ServerWebExchange exchange) {
    return federal(campaignId)
        .flatMap(
            t ->
                body.flatMap(in -> selection.select(t.campaign(), in))
                    .then(summary(t.caller(), t.campaign())))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<SampleSummary>> publishSample(
      Long campaignId, Mono<SamplePublishInput> body, ServerWebExchange exchange) {
    return federal(campaignId)
        .flatMap(
            t ->
                body.defaultIfEmpty(new SamplePublishInput())
                    .flatMap(in -> selection.publish(t.caller(), t.campaign(), in))
                    .then(summary(t.caller(), t.campaign())))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Resource>> downloadVerificationForm(
      Long campaignId, String regionCode, Long municipalityId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(VERIFIERS)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .flatMap(
                        campaign ->
                            VerificationPart.requested(
                                    caller,
                                    regionCode,
                                    municipalityId,
                                    queries::regionOfMunicipality)
                                .flatMap(
                                    part ->
                                        verifications
                                            .form(campaign, part)
                                            .map(
                                                bytes ->
                                                    WorkbookDownload.response(
                                                        bytes,
                                                        "verification-form-"
                                                            + campaignId
                                                            + "-"
                                                            + part.regionCode()
                                                            + (part.municipalityId() == null
                                                                ? ""
                                                                : "-" + part.municipalityId())
                                                            + ".xlsx")))));
  }

  @Override
  public Mono<ResponseEntity<VerificationDiff>> confirmVerification(
      Long campaignId, Long uploadId, ServerWebExchange exchange) {
    return CurrentCaller.withRole(VERIFIERS)
        .flatMap(
            caller ->
                campaigns
                    .visibleTo(caller, campaignId)
                    .flatMap(campaign -> verifications.confirm(caller, campaign, uploadId)))
        .map(ResponseEntity::ok);
  }

  private record Federal(Caller caller, CampaignInfo campaign) {}

  private Mono<Federal> federal(long campaignId) {
    return CurrentCaller.withRole(Role.FEDERAL)
        .flatMap(
            caller -> campaigns.visibleTo(caller, campaignId).map(c -> new Federal(caller, c)));
  }

  /** The caller's scope narrowed by the filters; a region or municipality outside it is 404. */
  private Mono<SampleScope> scope(Caller caller, String regionCode, Long municipalityId) {
    boolean coordinatorOfPart =
        caller.role() == Role.MUNICIPAL || caller.role() == Role.RESPONSIBLE;
    boolean regional = caller.role() == Role.REGIONAL || caller.role() == Role.API_CLIENT;
    return organizations
        .narrowed(Visibility.of(caller), regionCode, municipalityId)
        .map(part -> new SampleScope(part, coordinatorOfPart, regional));
  }

  private Mono<SampleSummary> summary(Caller caller, CampaignInfo campaign) {
    Visibility visibility = Visibility.of(caller);
    return scope(caller, null, null)
        .flatMap(
            scope ->
                queries
                    .summary(
                        campaign.id(),
                        scope,
                        campaign.regionCodes().stream().filter(visibility::seesRegion).toList())
                    .collectList())
        .map(regions -> new SampleSummary(campaign.id(), regions));
  }
}
