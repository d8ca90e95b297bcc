package org.oko.campaigns;

/**
 * Campaigns as other features' SQL may read them: relations with the columns named below, which
 * campaigns keeps whatever becomes of its tables. A feature that pages, counts or joins campaigns'
 * data row by row in SQL (publications' audiences, forms' respondents, scans' progress) puts these
 * in its queries instead of naming campaigns' tables; one that needs a campaign as a whole asks
 * {@link CampaignDirectory}. Each relation is a plain sub-select that PostgreSQL plans as if the
 * table were joined in place. Give it an alias.
 */
public final class CampaignReadModel {

  private static final String CAMPAIGNS =
      "(select id, kind, title, academic_year, subjects from campaign)";

  private static final String REGIONS = "(select campaign_id, region_code from campaign_region)";

  private static final String STAGES =
      "(select campaign_id, code, opens_at, closes_at from campaign_stage)";

  private static final String STAGE_EXTENSIONS =
      "(select campaign_id, stage_code, region_code, organization_id, closes_at"
          + " from stage_extension)";

  private CampaignReadModel() {}

  /**
   * The campaigns: {@code id}, {@code kind} (a {@code CampaignKind}), {@code title}, {@code
   * academic_year}, {@code subjects} (jsonb, {@code [{key, name, …}]} as {@code CampaignSubject}).
   */
  public static String campaigns() {
    return CAMPAIGNS;
  }

  /**
   * An SQL expression: the name of a campaign's subject, or its key when the campaign does not list
   * it.
   *
   * @param campaignId an SQL expression of the campaign's id (a column or a parameter; the aliases
   *     {@code named} and {@code subject} are the expression's own)
   * @param subjectKey an SQL expression of the subject's key
   */
  public static String subjectName(String campaignId, String subjectKey) {
    return "coalesce((select subject->>'name'"
        + " from campaign named, jsonb_array_elements(named.subjects) subject"
        + " where named.id = "
        + campaignId
        + " and subject->>'key' = "
        + subjectKey
        + " limit 1), "
        + subjectKey
        + ")";
  }

  /** The regions taking part in each campaign: {@code campaign_id}, {@code region_code}. */
  public static String regions() {
    return REGIONS;
  }

  /**
   * Each campaign's schedule: {@code campaign_id}, {@code code} (a {@code StageCode}), {@code
   * opens_at}, {@code closes_at} — the stage's own window, without extensions ({@link StageGate}
   * knows those, and {@link #stageExtensions} lists them).
   */
  public static String stages() {
    return STAGES;
  }

  /**
   * The stages kept open longer: {@code campaign_id}, {@code stage_code}, and either {@code
   * region_code} (the whole region) or {@code organization_id} (one organization), with the {@code
   * closes_at} granted. A stage closes for an organization at the latest of its own {@code
   * closes_at} and the extensions of its region and of itself, as {@link StageGate} decides.
   */
  public static String stageExtensions() {
    return STAGE_EXTENSIONS;
  }
}
