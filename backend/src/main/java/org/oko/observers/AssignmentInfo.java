package org.oko.observers;

import java.time.Instant;
import java.time.LocalDate;
import org.oko.orgs.OrganizationRef;

/**
 * An observer sent to a point on a day.
 *
 * @param timeZone the point's region's time zone, to show times in
 */
record AssignmentInfo(
    long id,
    long campaignId,
    String campaignTitle,
    long observerId,
    String observerName,
    String observerLogin,
    ObserverInfo.Kind observerKind,
    OrganizationRef point,
    String address,
    LocalDate day,
    Activity activity,
    String assignedBy,
    Instant presentAt,
    int notes,
    boolean actSubmitted,
    String timeZone) {

  enum Activity {
    CONDUCT,
    CHECKING
  }
}
