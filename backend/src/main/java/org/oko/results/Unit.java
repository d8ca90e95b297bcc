package org.oko.results;

/**
 * A unit of the hierarchy a report is about, with where it stands.
 *
 * @param id the region's code, the municipality's or organization's id; empty for the country
 */
record Unit(
    Level level,
    String id,
    String name,
    String login,
    String regionCode,
    Long municipalityId,
    String municipalityName) {

  static final Unit COUNTRY =
      new Unit(Level.COUNTRY, "", "Российская Федерация", null, null, null, null);

  Long organizationId() {
    return level == Level.ORGANIZATION ? Long.valueOf(id) : null;
  }
}
