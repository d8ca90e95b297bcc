package org.oko.forms;

import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;

/**
 * A form's current definition as stored.
 *
 * @param regionCode the region that owns the form (its own form, seed 003 11.4/12: only its
 *     respondents fill it, only its coordinator changes it); null for the federal organizer's
 */
record FormDefinitionRow(
    long id,
    long campaignId,
    String code,
    String title,
    String instruction,
    Stage stage,
    RespondentKind respondent,
    List<String> organizationKinds,
    String subjectKey,
    FormSchema schema,
    long version,
    Instant updatedAt,
    String regionCode) {

  /** A region's own form rather than the federal organizer's. */
  boolean regional() {
    return regionCode != null;
  }

  /** Whether the respondent lies where the form is filled: anywhere, or in its owner region. */
  boolean addresses(Respondent respondent) {
    return regionCode == null || regionCode.equals(respondent.regionCode());
  }

  boolean byOrganizations() {
    return respondent == RespondentKind.ORGANIZATION;
  }

  /** The kinds of organization that fill it: its own list, or every kind of the campaign. */
  List<String> kindsIn(CampaignInfo campaign) {
    return organizationKinds.isEmpty() ? campaign.organizationKinds() : organizationKinds;
  }
}
