package org.oko.sample;

/**
 * Who takes part in a campaign: an organization whose entry is {@code SELECTED}, once the sample is
 * published to its region. The sample's published read model as SQL: features that page and count
 * participants in SQL (publications' audiences, logistics' materials, forms' respondents) put
 * {@link #relation()} in their queries instead of naming the sample's tables; campaigns asks
 * through {@link org.oko.campaigns.CampaignParticipants}, which {@link SampleParticipantsReadModel}
 * implements on the same relation.
 */
public final class SampleParticipants {

  private static final String RELATION =
      """
      (select e.campaign_id, e.organization_id, e.region_code, e.participants, e.subjects
       from sample_entry e
       join sample_publication sp on sp.campaign_id = e.campaign_id
                                 and sp.region_code = e.region_code
       where e.status = 'SELECTED')\
      """;

  private static final String TALLY =
      """
      (select campaign_id, region_code, municipality_id, kind, participants
       from sample_participant_tally)\
      """;

  private SampleParticipants() {}

  /**
   * Every campaign's participants as a relation for a {@code from} or {@code join} (give it an
   * alias), one row per campaign and organization: {@code campaign_id}, {@code organization_id},
   * {@code region_code}, {@code participants} (how many take part there), {@code subjects} (text[]
   * of subject keys, or null). PostgreSQL plans it as if the tables were joined in place.
   */
  public static String relation() {
    return RELATION;
  }

  /**
   * How many participants each campaign has per place, as a relation (give it an alias): {@code
   * campaign_id}, {@code region_code}, {@code municipality_id} (null: none), {@code kind} of
   * organization, {@code participants}. The organizations of {@link #relation()} counted where they
   * are now, kept by triggers in the transaction of every change of the sample, its publication or
   * an organization's place (V62), so a monitoring reads a few rows per place instead of counting a
   * country's participants.
   */
  public static String tally() {
    return TALLY;
  }
}
