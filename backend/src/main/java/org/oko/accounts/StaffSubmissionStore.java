package org.oko.accounts;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lists of responsible organizers regions sent to the federal organizer (seed
 * 000_c9abf0b417e3d9bf.txt), frozen as sent: tables {@code staff_register_submission} and {@code
 * staff_register_submitted_line}.
 */
@Component
class StaffSubmissionStore {

  /** A region's sent list. */
  record Submission(
      String regionCode,
      String regionName,
      Instant submittedAt,
      String submittedBy,
      int organizations,
      String timeZone) {}

  private final DatabaseClient db;

  StaffSubmissionStore(DatabaseClient db) {
    this.db = db;
  }

  /** Replaces the region's earlier list, if any (inside the caller's transaction). */
  Mono<Void> save(
      long campaignId,
      String regionCode,
      String by,
      Instant at,
      int organizations,
      List<StaffWorkbook.SubmittedLine> lines) {
    Mono<Void> earlier =
        db.sql(
                "delete from staff_register_submission where campaign_id = :c"
                    + " and region_code = :r")
            .bind("c", campaignId)
            .bind("r", regionCode)
            .then();
    Mono<Void> head =
        db.sql(
                "insert into staff_register_submission (campaign_id, region_code, submitted_at,"
                    + " submitted_by, organizations) values (:c, :r, :at, :by, :n)")
            .bind("c", campaignId)
            .bind("r", regionCode)
            .bind("at", at)
            .bind("by", by)
            .bind("n", organizations)
            .then();
    Mono<Void> body =
        db.sql(
                "insert into staff_register_submitted_line (campaign_id, region_code, line_no,"
                    + " organization_login, organization_name, municipality_name, full_name,"
                    + " phone, email) select :c, :r, x.n, x.login, x.org, x.mun, x.name,"
                    + " x.phone, x.email from unnest(:logins::text[], :orgs::text[],"
                    + " :muns::text[], :names::text[], :phones::text[], :emails::text[])"
                    + " with ordinality as x(login, org, mun, name, phone, email, n)")
            .bind("c", campaignId)
            .bind("r", regionCode)
            .bind("logins", column(lines, StaffWorkbook.SubmittedLine::login))
            .bind("orgs", column(lines, StaffWorkbook.SubmittedLine::organization))
            .bind("muns", column(lines, StaffWorkbook.SubmittedLine::municipality))
            .bind("names", column(lines, StaffWorkbook.SubmittedLine::fullName))
            .bind("phones", column(lines, StaffWorkbook.SubmittedLine::phone))
            .bind("emails", column(lines, StaffWorkbook.SubmittedLine::email))
            .then();
    return earlier.then(head).then(body);
  }

  /** The campaign's sent lists, by region; only {@code regionCode}'s when it is not null. */
  Flux<Submission> list(long campaignId, String regionCode) {
    return db.sql(
            "select s.region_code, r.name, r.time_zone, s.submitted_at, s.submitted_by, s.organizations"
                + " from staff_register_submission s join region r on r.code = s.region_code"
                + " where s.campaign_id = :c"
                + (regionCode == null ? "" : " and s.region_code = :r")
                + " order by s.region_code")
        .bind("c", campaignId)
        .bindValues(regionCode == null ? java.util.Map.of() : java.util.Map.of("r", regionCode))
        .map(StaffSubmissionStore::submission)
        .all();
  }

  Flux<StaffWorkbook.SubmittedLine> lines(long campaignId, String regionCode) {
    return db.sql(
            "select organization_login, organization_name, municipality_name, full_name, phone,"
                + " email from staff_register_submitted_line where campaign_id = :c"
                + " and region_code = :r order by line_no")
        .bind("c", campaignId)
        .bind("r", regionCode)
        .map(
            r ->
                new StaffWorkbook.SubmittedLine(
                    r.get("organization_login", String.class),
                    r.get("organization_name", String.class),
                    r.get("municipality_name", String.class),
                    r.get("full_name", String.class),
                    r.get("phone", String.class),
                    r.get("email", String.class)))
        .all();
  }

  private static String[] column(
      List<StaffWorkbook.SubmittedLine> lines,
      java.util.function.Function<StaffWorkbook.SubmittedLine, String> field) {
    return lines.stream().map(field).toArray(String[]::new);
  }

  private static Submission submission(Readable r) {
    return new Submission(
        r.get("region_code", String.class),
        r.get("name", String.class),
        r.get("submitted_at", OffsetDateTime.class).toInstant(),
        r.get("submitted_by", String.class),
        r.get("organizations", Integer.class),
        r.get("time_zone", String.class));
  }
}
