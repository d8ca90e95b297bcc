package org.oko.kits;

import java.util.Arrays;
import java.util.List;
import org.oko.campaigns.CampaignReadModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes of the kits' questionnaire credentials, and the reads that decide them: the passwords a
 * point already uses, the logins already taken. ({@link KitCredentialDirectory} reads them for
 * other features.)
 */
@Component
class KitCredentialStore {

  /** Stored credentials whose logins the range at position {@code index} would take again. */
  record LoginClash(int index, long count, String login, String campaignTitle, String subjectKey) {}

  private final DatabaseClient db;

  KitCredentialStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Stores a credential for every kit of the stored ranges {@code ids} (in the order of {@code
   * ranges}): the login {@code prefix + region code + kit number} of each range's prefix, and the
   * password at the kit's position in {@code passwords} (the kits of all ranges one after another).
   */
  Mono<Long> insert(
      long campaignId,
      String subjectKey,
      List<KitStore.NewRange> ranges,
      List<String> prefixes,
      List<Long> ids,
      int[] passwords) {
    int[] bases = new int[ranges.size()];
    int base = 0;
    for (int i = 0; i < ranges.size(); i++) {
      bases[i] = base;
      base += (int) ranges.get(i).kits();
    }
    return db.sql(
            """
            insert into kit_credential (login, range_id, campaign_id, subject_key, category,
                                        kit_number, organization_id, region_code, password)
            select r.prefix || r.region || n, r.id, :campaign, :subject, r.category,
                   n, r.org, r.region, lpad(cast(p.password as text), 5, '0')
            from unnest(cast(:ids as bigint[]), cast(:prefixes as text[]),
                        cast(:orgs as bigint[]), cast(:regions as text[]),
                        cast(:categories as text[]), cast(:firsts as bigint[]),
                        cast(:lasts as bigint[]), cast(:bases as bigint[]))
                 as r(id, prefix, org, region, category, f, l, base)
            cross join lateral generate_series(r.f, r.l) as n
            join unnest(cast(:passwords as int[])) with ordinality as p(password, position)
              on p.position = r.base + n - r.f + 1
            """)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("passwords", Arrays.stream(passwords).boxed().toArray(Integer[]::new))
        .bind("ids", ids.toArray(Long[]::new))
        .bind("prefixes", prefixes.toArray(String[]::new))
        .bind("orgs", ranges.stream().map(KitStore.NewRange::organizationId).toArray(Long[]::new))
        .bind("regions", ranges.stream().map(KitStore.NewRange::regionCode).toArray(String[]::new))
        .bind("categories", ranges.stream().map(KitStore.NewRange::category).toArray(String[]::new))
        .bind("firsts", ranges.stream().map(KitStore.NewRange::first).toArray(Long[]::new))
        .bind("lasts", ranges.stream().map(KitStore.NewRange::last).toArray(Long[]::new))
        .bind("bases", Arrays.stream(bases).mapToObj(b -> (long) b).toArray(Long[]::new))
        .fetch()
        .rowsUpdated();
  }

  /** Keeps the advisory lock of the questionnaire logins' numbering apart from other locks. */
  private static final long LOGINS_LOCK_SPACE = 0x514C4F4700000000L;

  /**
   * Serializes the numbering of the questionnaire logins stored under {@code subjectKey} (in every
   * campaign: the login is unique across campaigns) until the transaction ends.
   */
  Mono<Void> lockNumbering(String subjectKey) {
    return db.sql("select pg_advisory_xact_lock(:key)")
        .bind("key", LOGINS_LOCK_SPACE ^ subjectKey.hashCode())
        .fetch()
        .rowsUpdated()
        .then();
  }

  /** The highest number stored under {@code subjectKey} in any campaign; 0 if none. */
  Mono<Long> lastNumber(String subjectKey) {
    return db.sql(
            "select coalesce(max(kit_number), 0) as last from kit_credential"
                + " where subject_key = :subject and subject_key in ('spo', 'vpr')")
        .bind("subject", subjectKey)
        .map(r -> r.get("last", Long.class))
        .one();
  }

  /** The passwords the points already use for the campaign's subject. */
  Flux<long[]> passwordsInUse(long campaignId, String subjectKey, List<Long> organizationIds) {
    return db.sql(
            """
            select organization_id, cast(password as int) as p from kit_credential
            where campaign_id = :campaign and subject_key = :subject
              and organization_id = any(:orgs)
            """)
        .bind("campaign", campaignId)
        .bind("subject", subjectKey)
        .bind("orgs", organizationIds.toArray(Long[]::new))
        .map(r -> new long[] {r.get("organization_id", Long.class), r.get("p", Integer.class)})
        .all();
  }

  /**
   * For each range (by position, with its login prefix) the stored credentials that already hold
   * one of the logins its kits would get.
   */
  Flux<LoginClash> loginClashes(List<KitStore.NewRange> ranges, List<String> prefixes) {
    return db.sql(
            """
            select i.idx, count(*) as n, min(c.login) as login,
                   min(cp.title) as title, min(c.subject_key) as subject
            from unnest(cast(:prefixes as text[]), cast(:regions as text[]),
                        cast(:firsts as bigint[]), cast(:lasts as bigint[]))
                 with ordinality as i(p, region, f, l, idx)
            cross join lateral generate_series(i.f, i.l) as n
            join kit_credential c on c.login = i.p || i.region || n
            join %s cp on cp.id = c.campaign_id
            group by i.idx
            order by i.idx
            """
                .formatted(CampaignReadModel.campaigns()))
        .bind("prefixes", prefixes.toArray(String[]::new))
        .bind("regions", ranges.stream().map(KitStore.NewRange::regionCode).toArray(String[]::new))
        .bind("firsts", ranges.stream().map(KitStore.NewRange::first).toArray(Long[]::new))
        .bind("lasts", ranges.stream().map(KitStore.NewRange::last).toArray(Long[]::new))
        .map(
            r ->
                new LoginClash(
                    r.get("idx", Long.class).intValue() - 1,
                    r.get("n", Long.class),
                    r.get("login", String.class),
                    r.get("title", String.class),
                    r.get("subject", String.class)))
        .all();
  }
}
