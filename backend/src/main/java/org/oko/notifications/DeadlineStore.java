package org.oko.notifications;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.oko.campaigns.CampaignReadModel;
import org.oko.forms.FormReadModel;
import org.oko.identity.AccountReadModel;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Role;
import org.oko.platform.time.ZoneCities;
import org.oko.roadmaps.RoadmapReadModel;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * «Срок завтра» in one statement: the forms whose stage closes tomorrow for the respondent — the
 * stage's own closing or, where it was kept open longer for the respondent's region or for the
 * organization itself, the latest extension, or else the region's earlier roadmap deadline in the
 * stage that binds the respondent's kind ({@code StageGate}'s rule; {@link RoadmapReadModel}) — in
 * the respondent's region's local calendar, and for each the accounts of the respondents that have
 * not submitted it — a campaign's participating organizations of the form's kinds (in the form's
 * region only, for a region's own form), or the municipalities' coordinators of the campaign's
 * regions and, where the sample holds organizations under no municipality, the region's responsible
 * coordinators (their part of a municipal form, seed 003 11.4). One row per account and deadline
 * (the subject names the form and the closing time), so running it again, on any instance, adds
 * only what is new; a moved deadline is a new one.
 */
@Component
class DeadlineStore {

  private static final String REMIND =
      """
      with due as (
        select f.id as form_id, f.title, f.campaign_id, f.respondent, f.organization_kinds,
               f.region_code as form_region, s.code as stage_code, s.closes_at as stage_closes_at
        from %1$s f
        join %2$s s on s.campaign_id = f.campaign_id and s.code = f.stage_code
        where (s.closes_at > :now and s.closes_at <= cast(:now as timestamptz) + interval '2 days')
           or exists (select 1 from %6$s x
                      where x.campaign_id = s.campaign_id and x.stage_code = s.code
                        and x.closes_at > :now
                        and x.closes_at <= cast(:now as timestamptz) + interval '2 days')
           or exists (select 1 from %7$s rd
                      where rd.campaign_id = s.campaign_id and rd.stage_code = s.code
                        and rd.due_at > :now
                        and rd.due_at <= cast(:now as timestamptz) + interval '2 days')
      ),
      late as (
        select a.login, d.form_id, d.title, g.time_zone,
               coalesce((select max(x.closes_at) from %6$s x
                         where x.campaign_id = d.campaign_id and x.stage_code = d.stage_code
                           and (x.region_code = o.region_code or x.organization_id = o.id)
                           and x.closes_at > d.stage_closes_at),
                        least(d.stage_closes_at,
                              (select rd.due_at from %8$s rd
                               where rd.campaign_id = d.campaign_id
                                 and rd.stage_code = d.stage_code
                                 and rd.region_code = o.region_code)))
                 as closes_at
        from due d
        join %3$s e on e.campaign_id = d.campaign_id
        join organization o on o.id = e.organization_id
        join region g on g.code = o.region_code
        join %4$s a on a.role = 'ORGANIZATION' and a.organization_id = o.id
        where d.respondent = 'ORGANIZATION'
          and (d.form_region is null or d.form_region = o.region_code)
          and (cardinality(d.organization_kinds) = 0 or o.kind = any(d.organization_kinds))
          and not exists (select 1 from %5$s r where r.form_id = d.form_id
                          and r.organization_id = o.id and r.status = 'SUBMITTED')
        union all
        %9$s
        union all
        %10$s
      ),
      added as (
        insert into notification (account_login, subject, kind, title, text, link, created_at,
                                  visible_at)
        select login, 'deadline:form:' || form_id || ':' || extract(epoch from closes_at)::bigint,
               'DEADLINE', 'Срок завтра: «' || title || '»',
               'Форма не сдана. Срок сдачи — '
                 || to_char(closes_at at time zone time_zone, 'DD.MM.YYYY HH24:MI')
                 || ' (' || %11$s || ').',
               '/forms/' || form_id, :now, :now
        from late
        where (closes_at at time zone time_zone)::date
              = (cast(:now as timestamptz) at time zone time_zone)::date + 1
        on conflict (account_login, subject) do nothing
        returning subject
      )
      select subject, count(*) as recipients from added group by subject
      """
          .formatted(
              FormReadModel.forms(),
              CampaignReadModel.stages(),
              SampleParticipants.relation(),
              AccountReadModel.accounts(),
              FormReadModel.responses(),
              CampaignReadModel.stageExtensions(),
              RoadmapReadModel.closing(),
              RoadmapReadModel.closingFor(Role.ORGANIZATION),
              // a municipality's coordinators answer for their municipality
              coordinatorsLate(Role.MUNICIPAL, "true", "r.municipality_id = a.municipality_id"),
              // the region's responsible coordinators, where its sample has organizations under
              // no municipality, answer for them (seed 003 11.4)
              coordinatorsLate(
                  Role.RESPONSIBLE,
                  """
                  exists (select 1 from %s e join organization o on o.id = e.organization_id
                          where e.campaign_id = d.campaign_id and o.region_code = cr.region_code
                            and %s)\
                  """
                      .formatted(
                          SampleParticipants.relation(),
                          Visibility.underNoMunicipality("o.municipality_id")),
                  "r.region_code = cr.region_code and r.organization_id is null and "
                      + Visibility.underNoMunicipality("r.municipality_id")),
              ZoneCities.sql("time_zone"));

  /**
   * The coordinators late with a municipal form, one audience at a time: the municipalities' own
   * coordinators (each for its municipality) or the region's responsible coordinators (for the part
   * of the sample under no municipality). Their deadline is the region's extension of the stage or
   * else the earlier of the stage's close and the roadmap deadline that binds the audience.
   *
   * @param owes whether the audience owes the form at all (SQL on {@code d}, {@code cr})
   * @param answered which response is the audience's (SQL on {@code r}, {@code a}, {@code cr})
   */
  private static String coordinatorsLate(Role audience, String owes, String answered) {
    return """
    select a.login, d.form_id, d.title, g.time_zone,
           coalesce((select max(x.closes_at) from %1$s x
                     where x.campaign_id = d.campaign_id and x.stage_code = d.stage_code
                       and x.region_code = cr.region_code
                       and x.closes_at > d.stage_closes_at),
                    least(d.stage_closes_at,
                          (select rd.due_at from %2$s rd
                           where rd.campaign_id = d.campaign_id
                             and rd.stage_code = d.stage_code
                             and rd.region_code = cr.region_code)))
             as closes_at
    from due d
    join %3$s cr on cr.campaign_id = d.campaign_id
    join region g on g.code = cr.region_code
    join %4$s a on a.role = '%5$s' and a.region_code = cr.region_code
    where d.respondent = 'MUNICIPALITY'
      and (d.form_region is null or d.form_region = cr.region_code)
      and %6$s
      and not exists (select 1 from %7$s r where r.form_id = d.form_id
                      and %8$s and r.status = 'SUBMITTED')\
    """
        .formatted(
            CampaignReadModel.stageExtensions(),
            RoadmapReadModel.closingFor(audience),
            CampaignReadModel.regions(),
            AccountReadModel.accounts(),
            audience.name(),
            owes,
            FormReadModel.responses(),
            answered);
  }

  /**
   * The roadmap's deadlines of those no form reminds (issue 19, seed 003 11–12): the region's
   * scanning-centre specialists, experts and observers hear the day before (in the region's
   * calendar) of a deadline that names them, with a link to where their work is. One row per
   * account and deadline, as above.
   */
  private static final String REMIND_BOUND =
      """
      with added as (
        insert into notification (account_login, subject, kind, title, text, link, created_at,
                                  visible_at)
        select a.login,
               'deadline:roadmap:' || d.campaign_id || ':' || d.region_code || ':' || d.stage_code
                 || ':' || extract(epoch from d.due_at)::bigint,
               'DEADLINE', 'Срок завтра: «' || d.title || '»',
               'Срок по дорожной карте региона — '
                 || to_char(d.due_at at time zone g.time_zone, 'DD.MM.YYYY HH24:MI')
                 || ' (' || %3$s || ').',
               case d.bound_role when 'SCANNER' then '/scans' when 'EXPERT' then '/scoring'
                                 else '/observers' end,
               :now, :now
        from %1$s d
        join region g on g.code = d.region_code
        join %2$s a on a.role = d.bound_role and a.region_code = d.region_code
        where d.bound_role in ('SCANNER', 'EXPERT', 'OBSERVER')
          and d.due_at > :now and d.due_at <= cast(:now as timestamptz) + interval '2 days'
          and (d.due_at at time zone g.time_zone)::date
              = (cast(:now as timestamptz) at time zone g.time_zone)::date + 1
        on conflict (account_login, subject) do nothing
        returning subject
      )
      select subject, count(*) as recipients from added group by subject
      """
          .formatted(
              RoadmapReadModel.bound(), AccountReadModel.accounts(), ZoneCities.sql("g.time_zone"));

  /** A deadline's notifications just stored. */
  record Reminded(String subject, long recipients) {}

  private final DatabaseClient db;

  DeadlineStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * True if this transaction may remind now: one instance at a time does (the others skip the
   * round; the rows' uniqueness would keep them from repeating anything anyway).
   */
  Mono<Boolean> lock() {
    return db.sql("select pg_try_advisory_xact_lock(hashtext('notifications.deadlines'))")
        .map((Readable r) -> r.get(0, Boolean.class))
        .one();
  }

  /** Stores the reminders of the deadlines that are tomorrow as of {@code now}. */
  Flux<Reminded> remind(Instant now) {
    return Flux.concat(remind(REMIND, now), remind(REMIND_BOUND, now));
  }

  private Flux<Reminded> remind(String sql, Instant now) {
    return db.sql(sql)
        .bind("now", now)
        .map(
            (Readable r) ->
                new Reminded(r.get("subject", String.class), r.get("recipients", Long.class)))
        .all();
  }
}
