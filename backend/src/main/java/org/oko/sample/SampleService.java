package org.oko.sample;

import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.Listing;
import org.oko.platform.web.Paging;
import org.oko.sample.SampleEntryStore.Entry;
import org.oko.sample.SampleEntryStore.RegionSummary;
import org.oko.sample.SampleEntryStore.TemplateRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The sample as coordinators read it (entries and counts, always within their scope), the workbooks
 * they download, and the federal organizer's draw, selection and publication, each answered with
 * the new counts.
 */
@Component
class SampleService {

  /** A campaign's counts per region the caller sees. */
  record Summary(long campaignId, List<RegionSummary> regions) {}

  /** A workbook to download and its file name. */
  record Workbook(byte[] bytes, String fileName) {}

  /** The list filters of a request; null means "any". */
  record Filters(String regionCode, Long municipalityId, String status, String q) {}

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final SampleEntryStore entries;
  private final PreliminaryListService lists;
  private final SampleSelectionService selection;
  private final VerificationService verifications;

  SampleService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      SampleEntryStore entries,
      PreliminaryListService lists,
      SampleSelectionService selection,
      VerificationService verifications) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.entries = entries;
    this.lists = lists;
    this.selection = selection;
    this.verifications = verifications;
  }

  /** One page of entries and how many the filtered list has. */
  /** A page by number, or (keyset, {@code afterLogin} not null) the entries after that login. */
  Mono<Listing<Entry>> entries(
      Caller caller, long campaignId, Filters filters, Paging paging, String afterLogin) {
    return campaigns
        .visibleTo(caller, campaignId)
        .then(scope(caller, filters.regionCode(), filters.municipalityId()))
        .flatMap(
            scope ->
                Listing.of(
                    entries.list(
                        campaignId, scope, filters.status(), filters.q(), paging, afterLogin),
                    entries.count(campaignId, scope, filters.status(), filters.q())));
  }

  Mono<Summary> summary(Caller caller, long campaignId) {
    return campaigns.visibleTo(caller, campaignId).flatMap(c -> summary(caller, c));
  }

  /** Replaces the region's list with the proposals, read once the list may change. */
  Mono<Integer> submitList(
      Caller caller, long campaignId, String regionCode, Mono<List<Proposal>> proposals) {
    return lists.replace(
        caller,
        campaignId,
        regionCode,
        proposals.map(p -> new PreliminaryListService.Read(p, List.of())));
  }

  Mono<Workbook> template(Caller caller, long campaignId, String regionCode) {
    return lists
        .access(caller, campaignId, regionCode)
        .flatMap(
            campaign ->
                entries
                    .template(campaignId, regionCode, campaign.organizationKinds())
                    .map(SampleService::templateLine)
                    .collectList()
                    .publishOn(Schedulers.boundedElastic())
                    .map(
                        lines ->
                            SampleWorkbook.write(
                                FormSignature.preliminaryList(campaignId, regionCode),
                                templateTitle(campaign.title(), regionCode),
                                lines,
                                campaign.subjects())))
        .map(
            bytes ->
                new Workbook(bytes, "preliminary-list-" + campaignId + "-" + regionCode + ".xlsx"));
  }

  private static String templateTitle(String campaignTitle, String regionCode) {
    return "Предварительный список ОО. " + campaignTitle + ", регион " + regionCode;
  }

  private static SampleWorkbook.Line templateLine(TemplateRow row) {
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

  /** A draw as the federal organizer asks for it. */
  record Draw(List<String> regionCodes, int perRegion, long seed) {}

  Mono<Summary> draw(Caller caller, long campaignId, Mono<Draw> request) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                request
                    .flatMap(
                        d -> selection.draw(campaign, d.regionCodes(), d.perRegion(), d.seed()))
                    .then(summary(caller, campaign)));
  }

  /** Organizations the federal organizer adds to the sample and takes out of it. */
  record Selection(List<Long> include, List<Long> exclude) {}

  Mono<Summary> select(Caller caller, long campaignId, Mono<Selection> request) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                request
                    .flatMap(s -> selection.select(campaign, s.include(), s.exclude()))
                    .then(summary(caller, campaign)));
  }

  /**
   * @param regionCodes the regions to publish to; empty: every region with a selection
   */
  Mono<Summary> publish(Caller caller, long campaignId, Mono<List<String>> regionCodes) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                regionCodes
                    .defaultIfEmpty(List.of())
                    .flatMap(regions -> selection.publish(caller, campaign, regions))
                    .then(summary(caller, campaign)));
  }

  Mono<Workbook> verificationForm(
      Caller caller, long campaignId, String regionCode, Long municipalityId) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                VerificationPart.requested(
                        Visibility.of(caller), regionCode, municipalityId, organizations)
                    .flatMap(
                        part ->
                            verifications
                                .form(campaign, part)
                                .map(bytes -> new Workbook(bytes, formName(campaignId, part)))));
  }

  private static String formName(long campaignId, VerificationPart part) {
    return "verification-form-"
        + campaignId
        + "-"
        + part.regionCode()
        + (part.municipalityId() == null ? "" : "-" + part.municipalityId())
        + ".xlsx";
  }

  Mono<VerificationStore.Upload> confirmVerification(
      Caller caller, long campaignId, long uploadId) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(campaign -> verifications.confirm(caller, campaign, uploadId));
  }

  /** The caller's scope narrowed by the filters; a region or municipality outside it is 404. */
  private Mono<EntryScope> scope(Caller caller, String regionCode, Long municipalityId) {
    boolean coordinatorOfPart =
        caller.role() == Role.MUNICIPAL || caller.role() == Role.RESPONSIBLE;
    boolean regional = caller.role() == Role.REGIONAL || caller.role() == Role.API_CLIENT;
    return organizations
        .narrowed(Visibility.of(caller), regionCode, municipalityId)
        .map(part -> new EntryScope(part, coordinatorOfPart, regional));
  }

  private Mono<Summary> summary(Caller caller, CampaignInfo campaign) {
    Visibility visibility = Visibility.of(caller);
    return scope(caller, null, null)
        .flatMap(
            scope ->
                entries
                    .summary(
                        campaign.id(),
                        scope,
                        campaign.regionCodes().stream().filter(visibility::seesRegion).toList())
                    .collectList())
        .map(regions -> new Summary(campaign.id(), regions));
  }
}
