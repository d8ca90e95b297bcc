package org.oko.orgs;

import java.util.List;

/**
 * An organization to register.
 *
 * @param login its login, e.g. {@code edu640001}: a prefix of its kind, the region code, a number
 * @param kind {@code SCHOOL}, {@code COLLEGE}, {@code ASSESSMENT_POINT} or {@code SCANNING_CENTRE}
 * @param municipalityId null for state, federal and private organizations under the region
 * @param settlementType {@code CITY}, {@code TOWN} or {@code VILLAGE}
 * @param educationLevels any of {@code PRIMARY}, {@code BASIC}, {@code SECONDARY}, {@code
 *     VOCATIONAL}
 */
public record NewOrganization(
    String login,
    String name,
    String kind,
    String regionCode,
    Long municipalityId,
    String settlementType,
    List<String> educationLevels,
    String address) {}
