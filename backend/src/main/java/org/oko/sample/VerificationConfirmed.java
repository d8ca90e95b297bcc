package org.oko.sample;

import org.oko.platform.events.EventTopic;

/**
 * Event: a coordinator confirmed an uploaded verification form; its changes are applied and its
 * organizations verified.
 *
 * @param municipalityId null for the region's organizations without a municipality
 * @param organizations how many organizations the form verified
 * @param changes how many individual changes it applied
 */
public record VerificationConfirmed(
    long campaignId,
    long verificationId,
    String regionCode,
    Long municipalityId,
    int organizations,
    int changes,
    String confirmedBy) {

  public static final EventTopic TOPIC = new EventTopic("sample.VerificationConfirmed");
}
