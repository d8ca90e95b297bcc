package org.oko.campaigns;

import java.util.List;

/** A campaign as the federal organizer writes it (created or changed). */
record CampaignDraft(
    CampaignInfo.Kind kind,
    String title,
    String academicYear,
    List<Subject> subjects,
    List<String> regionCodes) {}
