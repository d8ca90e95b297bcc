package org.oko.forms;

import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;

/** A form's current definition as stored. */
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
    Instant updatedAt) {

  boolean byOrganizations() {
    return respondent == RespondentKind.ORGANIZATION;
  }

  /** The kinds of organization that fill it: its own list, or every kind of the campaign. */
  List<String> kindsIn(CampaignInfo campaign) {
    return organizationKinds.isEmpty() ? campaign.organizationKinds() : organizationKinds;
  }
}
