package org.oko.roadmaps;

/**
 * The regions' closing deadlines as SQL, for features that compute deadlines in one statement (the
 * day-before reminders of {@code notifications}): the relation's SQL stays in the owner's file, as
 * {@code sample.SampleParticipants.relation()} does for the sample.
 */
public final class RoadmapReadModel {

  private static final String CLOSING =
      """
      (select distinct on (campaign_id, region_code, stage)
              campaign_id, region_code, stage as stage_code, due_at
       from regional_roadmap_item
       order by campaign_id, region_code, stage, due_at desc, position desc)""";

  private RoadmapReadModel() {}

  /**
   * Per campaign, region and stage, the deadline that closes the stage for the region ({@link
   * RoadmapDirectory}'s rule: the latest the roadmap set in the stage): {@code campaign_id}, {@code
   * region_code}, {@code stage_code}, {@code due_at}. A region's extension of the stage beyond its
   * federal close overrides it, as {@code campaigns.StageGate} decides.
   */
  public static String closing() {
    return CLOSING;
  }
}
