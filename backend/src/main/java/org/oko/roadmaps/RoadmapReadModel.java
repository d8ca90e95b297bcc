package org.oko.roadmaps;

import org.oko.platform.security.Role;

/**
 * The regions' closing deadlines as SQL, for features that compute deadlines in one statement (the
 * day-before reminders of {@code notifications}): the relation's SQL stays in the owner's file, as
 * {@code sample.SampleParticipants.relation()} does for the sample.
 */
public final class RoadmapReadModel {

  /**
   * Whether an item binds {@code :who} (a role's name, or null): items that bind everyone (no kind
   * named) always, the others only the kinds they name.
   */
  static final String BINDS = "(cardinality(binds) = 0 or cast(:who as text) = any(binds))";

  private static final String CLOSING =
      """
      (select distinct on (campaign_id, region_code, stage)
              campaign_id, region_code, stage as stage_code, due_at
       from regional_roadmap_item
       order by campaign_id, region_code, stage, due_at desc, position desc)""";

  private static final String CLOSING_FOR =
      """
      (select distinct on (campaign_id, region_code, stage)
              campaign_id, region_code, stage as stage_code, due_at
       from regional_roadmap_item
       where cardinality(binds) = 0 or '%s' = any(binds)
       order by campaign_id, region_code, stage, due_at desc, position desc)""";

  private static final String BOUND =
      """
      (select campaign_id, region_code, stage as stage_code, title, due_at,
              bound.role as bound_role
       from regional_roadmap_item, unnest(binds) as bound(role))""";

  private RoadmapReadModel() {}

  /**
   * Every deadline that names whom it binds, once per kind it names (issue 19: the reminders of the
   * scanning centre, experts and observers): {@code campaign_id}, {@code region_code}, {@code
   * stage_code}, {@code title}, {@code due_at}, {@code bound_role} (a {@code Role}'s name).
   */
  public static String bound() {
    return BOUND;
  }

  /**
   * Per campaign, region and stage, the latest deadline the roadmap set in the stage, whomever it
   * binds: {@code campaign_id}, {@code region_code}, {@code stage_code}, {@code due_at}.
   */
  public static String closing() {
    return CLOSING;
  }

  /**
   * Per campaign, region and stage, the deadline that closes the stage for {@code who} ({@link
   * RoadmapDirectory}'s rule: the latest of the deadlines that bind everyone or {@code who}'s
   * kind): {@code campaign_id}, {@code region_code}, {@code stage_code}, {@code due_at}. A region's
   * extension of the stage beyond its federal close overrides it, as {@code campaigns.StageGate}
   * decides.
   */
  public static String closingFor(Role who) {
    return CLOSING_FOR.formatted(who.name());
  }
}
