package org.oko.sample;

import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Which entries of a campaign a caller sees, as SQL: its part of the hierarchy (orgs' one scope
 * rule, narrowed by the request's filters), only the published sample (municipal and responsible
 * coordinators), and whether the selection is hidden until publication (the region must not learn
 * who is drawn before the federal organizer publishes it).
 */
record EntryScope(
    Visibility part, boolean publishedSampleOnly, boolean selectionHiddenBeforePublication) {

  /** The status a caller sees: «proposed» for everyone in an unpublished region if hidden. */
  static final String SHOWN_STATUS =
      "case when :hideSelection and p.region_code is null then 'PROPOSED' else e.status end";

  private static final String FROM =
      """
       from sample_entry e
       join organization o on o.id = e.organization_id
       left join municipality m on m.id = o.municipality_id
       left join sample_publication p on p.campaign_id = e.campaign_id
                                     and p.region_code = e.region_code
       where e.campaign_id = :campaign
         and (not :publishedOnly or (p.region_code is not null and e.status <> 'PROPOSED'))
      """;

  /** The entries' rows ({@code e}, {@code o}, {@code m}, {@code p}) this scope sees. */
  String from() {
    return FROM + condition().and();
  }

  /** Binds what {@link #from} and {@link #SHOWN_STATUS} use. */
  GenericExecuteSpec bind(GenericExecuteSpec spec, long campaignId) {
    return condition()
        .bind(spec)
        .bind("campaign", campaignId)
        .bind("publishedOnly", publishedSampleOnly)
        .bind("hideSelection", selectionHiddenBeforePublication);
  }

  private ScopeCondition condition() {
    return part.condition(ScopeCondition.Columns.of("o").withRegion("e.region_code"));
  }
}
