package org.oko.logistics;

import org.oko.orgs.Visibility;

/**
 * The organizations a transfer statement covers: a region's, or one municipality's, or (for a
 * responsible coordinator) the region's organizations under no municipality.
 *
 * @param title the scope in words, for the statement's heading and file name
 */
record StatementScope(
    String regionCode, Long municipalityId, boolean withoutMunicipalityOnly, String title) {

  /** These organizations as a part of the hierarchy, for orgs' one scope rule. */
  Visibility part() {
    return new Visibility(regionCode, municipalityId, withoutMunicipalityOnly, null);
  }
}
