package org.oko.kits;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Kit credentials and kit counts for other features (sign-in, questionnaires, monitoring). */
@Component
public class KitCredentialDirectory {

  /** How many kits a point has for a subject and category. */
  public record PointKits(long organizationId, String subjectKey, String category, long kits) {}

  /** A point's kits of one subject and category: how many, and the first and last number. */
  public record PointRange(
      String subjectKey, String category, long kits, long firstKit, long lastKit) {}

  private static final String KITS =
      "(select login, campaign_id, subject_key, category, kit_number, organization_id, region_code"
          + " from kit_credential)";

  private static final String SELECT =
      "select login, password, campaign_id, subject_key, category, kit_number, organization_id,"
          + " region_code from kit_credential";

  private final DatabaseClient db;

  KitCredentialDirectory(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Every kit's credential without its password, as a relation for other features' SQL that joins
   * kits row by row (give it an alias): {@code login}, {@code campaign_id}, {@code subject_key},
   * {@code category}, {@code kit_number}, {@code organization_id}, {@code region_code}. PostgreSQL
   * plans it as if the table were joined in place.
   */
  public static String kits() {
    return KITS;
  }

  public Mono<KitCredential> byLogin(String login) {
    return db.sql(SELECT + " where login = :login")
        .bind("login", login)
        .map(KitCredentialDirectory::toCredential)
        .one();
  }

  /** Every kit of the point for the subject, ascending by number. */
  public Flux<KitCredential> ofPoint(long campaignId, String subjectKey, long organizationId) {
    return db.sql(
            SELECT
                + " where campaign_id = :campaign and organization_id = :org"
                + " and subject_key = :subject order by kit_number")
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .bind("subject", subjectKey)
        .map(KitCredentialDirectory::toCredential)
        .all();
  }

  /**
   * Kits per point of the campaign, optionally of one subject only. Counted from the ranges, not
   * the credentials: every kit of a range has its credential, made in the range's transaction and
   * deleted with it, so the sums are the same — over a few thousand ranges instead of a country's
   * million credentials (issue 24, part 3).
   */
  public Flux<PointKits> kitsPerPoint(long campaignId, String subjectKey) {
    return db.sql(
            "select organization_id, subject_key, category,"
                + " cast(sum(last_number - first_number + 1) as bigint) as kits from kit_range"
                + " where campaign_id = :campaign"
                + " and (cast(:subject as text) is null or subject_key = :subject)"
                + " group by organization_id, subject_key, category")
        .bind("campaign", campaignId)
        .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class))
        .map(
            r ->
                new PointKits(
                    r.get("organization_id", Long.class),
                    r.get("subject_key", String.class),
                    r.get("category", String.class),
                    r.get("kits", Long.class)))
        .all();
  }

  /** The point's kits per subject and category, by subject and category. */
  public Flux<PointRange> rangesOf(long campaignId, long organizationId) {
    return db.sql(
            "select subject_key, category, count(*) as kits, min(kit_number) as first_kit,"
                + " max(kit_number) as last_kit from kit_credential"
                + " where campaign_id = :campaign and organization_id = :org"
                + " group by subject_key, category order by subject_key, category")
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .map(
            r ->
                new PointRange(
                    r.get("subject_key", String.class),
                    r.get("category", String.class),
                    r.get("kits", Long.class),
                    r.get("first_kit", Long.class),
                    r.get("last_kit", Long.class)))
        .all();
  }

  private static KitCredential toCredential(Readable r) {
    return new KitCredential(
        r.get("login", String.class),
        r.get("password", String.class),
        r.get("campaign_id", Long.class),
        r.get("subject_key", String.class),
        r.get("category", String.class),
        r.get("kit_number", Long.class),
        r.get("organization_id", Long.class),
        r.get("region_code", String.class));
  }
}
