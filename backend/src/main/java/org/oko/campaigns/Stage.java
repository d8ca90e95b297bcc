package org.oko.campaigns;

/**
 * The stages of a campaign's schedule, in their usual order. Stored by name ({@code
 * campaign_stage.code}, {@code stage_extension.stage_code}); the API's {@code StageCode} has the
 * same values.
 */
public enum Stage {
  PRELIMINARY_LIST,
  VERIFICATION,
  APPLICATION,
  CONTEXT_DATA,
  MATERIALS,
  CODES_PROTOCOL,
  CONDUCT,
  RESULTS_PROTOCOL,
  QUESTIONNAIRE,
  SCANNING,
  SCORING,
  REPORTS
}
