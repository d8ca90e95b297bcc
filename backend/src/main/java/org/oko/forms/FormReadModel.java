package org.oko.forms;

/**
 * Forms and the state of their responses as other features' SQL may read them (notifications' «срок
 * завтра» finds the respondents that have not submitted a form whose stage closes tomorrow). Each
 * relation is a plain sub-select that PostgreSQL plans as if the table were joined in place; give
 * it an alias.
 */
public final class FormReadModel {

  private static final String FORMS =
      "(select id, campaign_id, code, title, stage_code, respondent, organization_kinds,"
          + " region_code from form_definition)";

  private static final String RESPONSES =
      "(select form_id, organization_id, municipality_id, region_code, status"
          + " from form_response)";

  private FormReadModel() {}

  /**
   * The forms: {@code id}, {@code campaign_id}, {@code code}, {@code title}, {@code stage_code} (a
   * {@code StageCode}: the stage by whose end it is due), {@code respondent} ({@code ORGANIZATION}
   * or {@code MUNICIPALITY}), {@code organization_kinds} (text[]; empty: every kind the campaign is
   * held in), {@code region_code} (a region's own form is filled in that region only; null: a
   * federal form, every region's).
   */
  public static String forms() {
    return FORMS;
  }

  /**
   * The responses: {@code form_id}, {@code organization_id} or {@code municipality_id} (at most one
   * set: neither for a region's part of organizations without a municipality, the responsible
   * coordinator's), {@code region_code}, {@code status} ({@code DRAFT} or {@code SUBMITTED}).
   */
  public static String responses() {
    return RESPONSES;
  }
}
