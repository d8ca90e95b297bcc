package org.oko.forum;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oko.campaigns.CampaignReadModel;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * A where clause over questions (alias {@code q}) built of conditions, and the values they bind;
 * with the conditions every listing and search of the forum shares.
 */
final class ForumWhere {
  private final StringBuilder where = new StringBuilder();
  private final Map<String, Object> values = new LinkedHashMap<>();

  ForumWhere and(String condition) {
    where.append(where.isEmpty() ? "" : " and ").append(condition);
    return this;
  }

  ForumWhere bind(String name, Object value) {
    values.put(name, value);
    return this;
  }

  String where() {
    return where.isEmpty() ? "true" : where.toString();
  }

  GenericExecuteSpec apply(GenericExecuteSpec spec) {
    GenericExecuteSpec bound = spec;
    for (Map.Entry<String, Object> v : values.entrySet()) {
      bound = bound.bind(v.getKey(), v.getValue());
    }
    return bound;
  }

  /**
   * What the reader sees of {@code q}: not merged away (in lists), common or its region's thread,
   * hidden ones only as their moderator.
   */
  static String visible(Reader reader, ForumWhere sql, boolean list) {
    sql.bind("thread_region", reader.threadRegion())
        .bind("mod_common", reader.federal())
        .bind("mod_region", reader.regional());
    return "("
        + (list ? "q.status <> 'MERGED' and " : "")
        + "(q.regional_thread is null or q.regional_thread = :thread_region)"
        + " and (not q.hidden or (:mod_common and q.regional_thread is null)"
        + " or (:mod_region and q.regional_thread = :thread_region)))";
  }

  /** The same for the stored tally's rows (alias {@code t}), which never hold merged questions. */
  static String visibleTally(Reader reader, ForumWhere sql) {
    sql.bind("thread_region", reader.threadRegion())
        .bind("mod_common", reader.federal())
        .bind("mod_region", reader.regional());
    return "((t.thread = '' or t.thread = :thread_region)"
        + " and (not t.hidden or (:mod_common and t.thread = '')"
        + " or (:mod_region and t.thread = :thread_region)))";
  }

  /** The forums a search looks in. */
  static String forums(Reader reader, Forums forums, ForumWhere sql) {
    if (!forums.all()) {
      if (forums.campaignId() == null) {
        return "q.campaign_id is null";
      }
      sql.bind("campaign", forums.campaignId());
      return "q.campaign_id = :campaign";
    }
    if (reader.federal()) {
      return "true";
    }
    if (forums.campaigns() != null) {
      sql.bind("campaigns", forums.campaigns().toArray(Long[]::new));
      return "q.campaign_id = any(:campaigns)";
    }
    sql.bind("reader_region", reader.regionCode());
    return "(q.campaign_id is null or q.campaign_id in (select cr.campaign_id from "
        + CampaignReadModel.regions()
        + " cr where cr.region_code = :reader_region))";
  }
}
