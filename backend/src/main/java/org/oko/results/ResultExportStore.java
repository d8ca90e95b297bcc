package org.oko.results;

import io.r2dbc.spi.Readable;
import org.oko.orgs.ScopeCondition;
import org.oko.platform.excel.KeysetRows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The participants' results of a campaign inside a scope, streamed for the bulk export (issue 23):
 * for people in the order a region reads them, for machines page by page in the table's key order.
 */
@Component
class ResultExportStore {

  private static final int FETCH_SIZE = 500;

  /** Where a machine export resumes: the key of the last line received. */
  record Key(String subjectKey, long organizationId, String code) {}

  /** One participant's result as exported. */
  record Exported(
      Key key,
      String regionCode,
      String region,
      String municipality,
      String login,
      String name,
      String classLetter,
      Short variant,
      Short[] scores,
      int total,
      Short grade,
      Short journalGrade) {}

  /** What to export: the campaign, one subject or all (null), and who waits for the release. */
  record Wanted(long campaignId, String subjectKey, ScopeCondition scope, boolean releasedOnly) {}

  private static final String SELECT =
      """
      select p.subject_key, p.organization_id, p.code, p.class_letter, p.variant, p.scores,
             p.total, p.grade, p.journal_grade, o.region_code, r.name as region, o.login,
             o.name, m.name as municipality
      from result_participant p
      join organization o on o.id = p.organization_id
      join region r on r.code = o.region_code
      left join municipality m on m.id = o.municipality_id
      where p.campaign_id = :campaign
        and (cast(:subject as text) is null or p.subject_key = :subject)
      """;

  /** Municipal and responsible coordinators see a region's results once it is released. */
  private static final String RELEASED =
      " and exists (select 1 from result_release rr where rr.campaign_id = p.campaign_id"
          + " and rr.region_code = o.region_code)";

  private final DatabaseClient db;

  ResultExportStore(DatabaseClient db) {
    this.db = db;
  }

  /** For people: region, municipality, organization, subject, class, participant code. */
  Flux<Exported> forPeople(Wanted wanted) {
    GenericExecuteSpec spec =
        bind(
            db.sql(
                where(wanted)
                    + " order by o.region_code, m.name nulls first, o.login, p.subject_key,"
                    + " p.class_letter nulls first, p.code"),
            wanted);
    return spec.filter((statement, next) -> next.execute(statement.fetchSize(FETCH_SIZE)))
        .map(ResultExportStore::exported)
        .all();
  }

  /** For machines: in key order after {@code after} (null: from the first), page by page. */
  Flux<Exported> forMachines(Wanted wanted, Key after) {
    return KeysetRows.of(after, from -> page(wanted, from), Exported::key);
  }

  private Flux<Exported> page(Wanted wanted, Key after) {
    String sql =
        where(wanted)
            + (after == null
                ? ""
                : " and (p.subject_key, p.organization_id, p.code) > (:after_s, :after_o, :after_c)")
            + " order by p.subject_key, p.organization_id, p.code limit "
            + KeysetRows.PAGE;
    GenericExecuteSpec spec = bind(db.sql(sql), wanted);
    if (after != null) {
      spec =
          spec.bind("after_s", after.subjectKey())
              .bind("after_o", after.organizationId())
              .bind("after_c", after.code());
    }
    return spec.map(ResultExportStore::exported).all();
  }

  private static String where(Wanted wanted) {
    return SELECT + wanted.scope().and() + (wanted.releasedOnly() ? RELEASED : "");
  }

  private static GenericExecuteSpec bind(GenericExecuteSpec spec, Wanted wanted) {
    return wanted
        .scope()
        .bind(spec)
        .bind("campaign", wanted.campaignId())
        .bind("subject", Parameter.fromOrEmpty(wanted.subjectKey(), String.class));
  }

  private static Exported exported(Readable r) {
    return new Exported(
        new Key(
            r.get("subject_key", String.class),
            r.get("organization_id", Long.class),
            r.get("code", String.class)),
        r.get("region_code", String.class),
        r.get("region", String.class),
        r.get("municipality", String.class),
        r.get("login", String.class),
        r.get("name", String.class),
        r.get("class_letter", String.class),
        r.get("variant", Short.class),
        r.get("scores", Short[].class),
        r.get("total", Integer.class),
        r.get("grade", Short.class),
        r.get("journal_grade", Short.class));
  }
}
