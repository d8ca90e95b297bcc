// A fixture for TableOwnershipTests (never compiled): campaigns naming tables it does not own.
class PeekingCampaignStore {
  // Its own tables and the hierarchy's read model are fine: from campaign_stage, join region.
  static final String OWN =
      "select c.id from campaign c join campaign_region cr on cr.campaign_id = c.id"
          + " join organization o on o.region_code = cr.region_code";

  /* Comments are not SQL: a join publication here is not a read of publications' table. */
  static final String SELECTED =
      """
      select 1 from sample_entry e where e.status = 'SELECTED'
      """;

  static final String PUBLISHED = "select 1 from" + " sample_publication p";

  // Reading the hierarchy is fine, writing it is not.
  static final String RENAME = "update organization set name = :name where id = :id";

  // Not SQL run together: two literals apart are not one statement.
  static final String[] APART = {"delete from", "delivery_packet"};
}
