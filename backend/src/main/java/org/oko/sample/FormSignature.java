package org.oko.sample;

/**
 * What a downloaded workbook was made for, written to a hidden sheet and checked on upload: a file
 * of another campaign, region, municipality or form is refused before any of its rows is read.
 *
 * @param form {@link #PRELIMINARY_LIST} or {@link #VERIFICATION}
 * @param municipalityId for a verification form, its municipality; null for the region's
 *     organizations without one (and for the preliminary list, which covers the whole region)
 */
record FormSignature(long campaignId, String form, String regionCode, Long municipalityId) {

  static final String PRELIMINARY_LIST = "PRELIMINARY_LIST";
  static final String VERIFICATION = "VERIFICATION";

  static FormSignature preliminaryList(long campaignId, String regionCode) {
    return new FormSignature(campaignId, PRELIMINARY_LIST, regionCode, null);
  }

  static FormSignature verification(long campaignId, String regionCode, Long municipalityId) {
    return new FormSignature(campaignId, VERIFICATION, regionCode, municipalityId);
  }

  String formName() {
    return form.equals(PRELIMINARY_LIST) ? "шаблон предварительного списка" : "форма выверки";
  }
}
