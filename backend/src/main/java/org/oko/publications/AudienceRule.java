package org.oko.publications;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.CampaignReadModel;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.oko.sample.SampleParticipants;

/**
 * Who a publication is addressed to. A coordinator is in the audience when its role is listed and
 * its region is covered; an organization when ORGANIZATION is listed, its region is covered, its
 * kind is one the campaign is held in and, for a sample-only audience, it is in the campaign's
 * published sample. The SQL fragments below are the only place this is written down, so the
 * listing, the downloads and the downloads report cannot disagree.
 */
final class AudienceRule {

  private AudienceRule() {}

  /** The roles a publication may be addressed to: coordinators and organizations. */
  static final Set<Role> ADDRESSABLE =
      EnumSet.of(Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE, Role.ORGANIZATION);

  /**
   * Released: published, and its release time has come ({@code :now}) — for a release at local
   * time, in the reader's region ({@code :region}) at that wall-clock time in the region's zone.
   */
  static final String RELEASED =
      "(p.status = 'PUBLISHED' and p.release_at <= :now and (p.release_local is null"
          + " or cast(:region as text) is null"
          + " or timezone((select tz.time_zone from region tz where tz.code = :region),"
          + " p.release_local) <= :now))";

  /**
   * Organization {@code o} is in the audience of publication {@code p}. Who takes part is the
   * sample's read model ({@link SampleParticipants}): a SELECTED entry counts once its region's
   * sample is published.
   */
  static final String ORGANIZATION_IN_AUDIENCE =
      "('ORGANIZATION' = any(p.audience_roles) and o.kind = any(p.organization_kinds) and "
          + regionCovered("o.region_code")
          + " and (not p.sample_only or exists (select 1 from "
          + SampleParticipants.relation()
          + " e where e.campaign_id = p.campaign_id and e.organization_id = o.id)))";

  /**
   * The reader ({@code :role}, {@code :region}, {@code :org}, at {@code :now}) may read publication
   * {@code p}: FEDERAL every one; a region its own (drafts too); everyone else only once it is
   * released to an audience that includes them.
   */
  static final String READABLE =
      "(:role = 'FEDERAL'"
          + " or (:role = 'REGIONAL' and p.author_region = :region)"
          + " or ("
          + RELEASED
          + " and ((:role <> 'ORGANIZATION' and :role = any(p.audience_roles) and "
          + regionCovered(":region")
          + ") or (:role = 'ORGANIZATION' and exists (select 1 from organization o"
          + " where o.id = :org and "
          + ORGANIZATION_IN_AUDIENCE
          + ")))))";

  /**
   * A coordinator of region {@code :region} oversees publication {@code p}'s downloads: it is
   * released to organizations of that region.
   */
  static final String OVERSEEN =
      "("
          + RELEASED
          + " and 'ORGANIZATION' = any(p.audience_roles) and "
          + regionCovered(":region")
          + ")";

  /** An empty list of regions means every region of the campaign. */
  private static String regionCovered(String region) {
    return "("
        + region
        + " = any(p.audience_regions) or (cardinality(p.audience_regions) = 0 and exists"
        + " (select 1 from "
        + CampaignReadModel.regions()
        + " cr where cr.campaign_id = p.campaign_id"
        + " and cr.region_code = "
        + region
        + ")))";
  }

  /**
   * The audience as it will be stored, or 422 with every problem. A regional coordinator addresses
   * its own region only: an empty list becomes its region.
   */
  static PublicationAudience checked(PublicationAudience in, Caller author, CampaignInfo campaign) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<Role> roles = new LinkedHashSet<>();
    roles.addAll(in.roles());
    if (roles.isEmpty()) {
      problems.add(FieldProblem.of("audience.roles", "Укажите, кому адресована публикация"));
    }
    for (Role role : roles) {
      if (!ADDRESSABLE.contains(role)) {
        problems.add(
            FieldProblem.of(
                "audience.roles",
                "Публикацию можно адресовать только координаторам и организациям, не " + role));
      }
    }
    Set<String> regions = new LinkedHashSet<>(in.regionCodes());
    if (author.role() == Role.REGIONAL && regions.isEmpty()) {
      regions.add(author.regionCode());
    }
    for (String code : regions) {
      if (!author.seesRegion(code)) {
        problems.add(
            FieldProblem.of(
                "audience.regionCodes",
                "Региональный координатор публикует только для своего региона, не для " + code));
      } else if (!campaign.regionCodes().contains(code)) {
        problems.add(
            FieldProblem.of("audience.regionCodes", "Регион " + code + " не участвует в кампании"));
      }
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableException("Адресаты публикации указаны неверно", problems);
    }
    return new PublicationAudience(List.copyOf(roles), List.copyOf(regions), in.sampleOnly());
  }
}
