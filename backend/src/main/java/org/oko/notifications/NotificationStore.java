package org.oko.notifications;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.oko.campaigns.CampaignReadModel;
import org.oko.forms.FormReadModel;
import org.oko.identity.AccountReadModel;
import org.oko.sample.SampleParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code notification} table. A fan-out is one {@code insert … select} over the accounts' read
 * model, however many recipients (forty thousand organizations' accounts for a publication); a row
 * per account and subject, so a redelivered event changes nothing and a re-published one moves its
 * time.
 */
@Component
class NotificationStore {

  private static final String INSERT =
      "insert into notification (account_login, subject, kind, title, text, link, created_at,"
          + " visible_at) select a.login, :subject, :kind, :title, :text, :link, :now, :visible"
          + " from "
          + AccountReadModel.accounts()
          + " a ";

  private final DatabaseClient db;

  NotificationStore(DatabaseClient db) {
    this.db = db;
  }

  /** To one account (the author of an answered question), unless it is {@code except}. */
  Mono<Long> toAccount(Notice n, String login, String except, Instant now) {
    return bind(
            db.sql(
                INSERT
                    + "where a.login = :login and a.login <> :except"
                    + " on conflict (account_login, subject) do nothing"),
            n,
            now)
        .bind("login", login)
        .bind("except", except)
        .fetch()
        .rowsUpdated();
  }

  /**
   * To those who answer a new question: every federal organizer if {@code federal}, and the
   * regional coordinators of {@code region}; never its author.
   */
  Mono<Long> toAnswerers(Notice n, boolean federal, String region, String author, Instant now) {
    return bind(
            db.sql(
                INSERT
                    + "where a.login <> :author and ((:federal and a.role = 'FEDERAL')"
                    + " or (a.role = 'REGIONAL' and a.region_code = :region))"
                    + " on conflict (account_login, subject) do nothing"),
            n,
            now)
        .bind("federal", federal)
        .bind("region", region == null ? "--" : region)
        .bind("author", author)
        .fetch()
        .rowsUpdated();
  }

  /**
   * To a publication's audience, as the publication addressed it: coordinators of the listed roles
   * in the covered regions, and organizations of the campaign's kinds there (only those in the
   * published sample when {@code sampleOnly}). An empty list of regions covers every region of the
   * campaign.
   */
  Mono<Long> toAudience(
      Notice n,
      long campaignId,
      List<String> roles,
      List<String> regions,
      List<String> organizationKinds,
      boolean sampleOnly,
      String author,
      Instant now) {
    String covered =
        "(%1$s = any(:regions) or (cardinality(:regions) = 0 and %1$s in (select cr.region_code"
            + " from "
            + CampaignReadModel.regions()
            + " cr where cr.campaign_id = :campaign)))";
    return bind(
            db.sql(
                INSERT
                    + "left join organization o on o.id = a.organization_id"
                    + " where a.login <> :author and ("
                    + "(a.role <> 'ORGANIZATION' and a.role = any(:roles) and "
                    + covered.formatted("a.region_code")
                    + ") or (a.role = 'ORGANIZATION' and 'ORGANIZATION' = any(:roles)"
                    + " and o.kind = any(:kinds) and "
                    + covered.formatted("o.region_code")
                    + " and (not :sample_only or exists (select 1 from "
                    + SampleParticipants.relation()
                    + " e where e.campaign_id = :campaign and e.organization_id = o.id))))"
                    + " on conflict (account_login, subject) do update set"
                    + " visible_at = excluded.visible_at, title = excluded.title,"
                    + " text = excluded.text"),
            n,
            now)
        .bind("campaign", campaignId)
        .bind("roles", roles.toArray(String[]::new))
        .bind("regions", regions.toArray(String[]::new))
        .bind("kinds", organizationKinds.toArray(String[]::new))
        .bind("sample_only", sampleOnly)
        .bind("author", author)
        .fetch()
        .rowsUpdated();
  }

  /**
   * To the accounts of a form's respondent: the organization's accounts, or the municipality's
   * coordinators; the form's title joins the text ({@code %s} in {@code text}).
   */
  Mono<Long> toRespondent(
      Notice n, long formId, Long organizationId, Long municipalityId, Instant now) {
    String respondent =
        organizationId != null
            ? "a.role = 'ORGANIZATION' and a.organization_id = :respondent"
            : "a.role = 'MUNICIPAL' and a.municipality_id = :respondent";
    return bind(
            db.sql(
                "insert into notification (account_login, subject, kind, title, text, link,"
                    + " created_at, visible_at) select a.login, :subject, :kind, :title,"
                    + " format(:text, f.title), :link, :now, :visible from "
                    + AccountReadModel.accounts()
                    + " a join "
                    + FormReadModel.forms()
                    + " f on f.id = :form where "
                    + respondent
                    + " on conflict (account_login, subject) do nothing"),
            n,
            now)
        .bind("form", formId)
        .bind("respondent", organizationId != null ? organizationId : municipalityId)
        .fetch()
        .rowsUpdated();
  }

  private static GenericExecuteSpec bind(GenericExecuteSpec spec, Notice n, Instant now) {
    return spec.bind("subject", n.subject())
        .bind("kind", n.kind())
        .bind("title", n.title())
        .bind("text", n.text())
        .bind("link", Parameter.fromOrEmpty(n.link(), String.class))
        .bind("now", now)
        .bind("visible", n.visibleAt());
  }

  Flux<Notification> page(String login, boolean unreadOnly, Instant now, long offset, int limit) {
    return db.sql(
            "select id, kind, title, text, link, visible_at, read_at from notification"
                + " where account_login = :login and visible_at <= :now"
                + (unreadOnly ? " and read_at is null" : "")
                + " order by visible_at desc, id desc limit :limit offset :offset")
        .bind("login", login)
        .bind("now", now)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(
            (Readable r) ->
                new Notification(
                    r.get("id", Long.class),
                    r.get("kind", String.class),
                    r.get("title", String.class),
                    r.get("text", String.class),
                    r.get("link", String.class),
                    r.get("visible_at", OffsetDateTime.class).toInstant(),
                    r.get("read_at", OffsetDateTime.class) != null))
        .all();
  }

  Mono<Long> count(String login, boolean unreadOnly, Instant now) {
    return db.sql(
            "select count(*) from notification where account_login = :login"
                + " and visible_at <= :now"
                + (unreadOnly ? " and read_at is null" : ""))
        .bind("login", login)
        .bind("now", now)
        .map((Readable r) -> r.get(0, Long.class))
        .one();
  }

  /** Marks it read; false if the account has no such notification (yet). */
  Mono<Boolean> markRead(long id, String login, Instant now) {
    return db.sql(
            "with mine as (select id, read_at from notification where id = :id"
                + " and account_login = :login and visible_at <= :now),"
                + " marked as (update notification n set read_at = :now from mine"
                + " where n.id = mine.id and mine.read_at is null)"
                + " select count(*) from mine")
        .bind("id", id)
        .bind("login", login)
        .bind("now", now)
        .map((Readable r) -> r.get(0, Long.class) > 0)
        .one();
  }

  Mono<Long> markAllRead(String login, Instant now) {
    return db.sql(
            "update notification set read_at = :now where account_login = :login"
                + " and read_at is null and visible_at <= :now")
        .bind("login", login)
        .bind("now", now)
        .fetch()
        .rowsUpdated();
  }

  /** Of these accounts, those that got the subject, with their unread counts. */
  Flux<Unread> unreadOf(String subject, Collection<String> logins, Instant now) {
    return db.sql(
            "select n.account_login, (select count(*) from notification u"
                + " where u.account_login = n.account_login and u.read_at is null"
                + " and u.visible_at <= :now) as unread from notification n"
                + " where n.subject = :subject and n.account_login = any(:logins)")
        .bind("subject", subject)
        .bind("logins", logins.toArray(String[]::new))
        .bind("now", now)
        .map(
            (Readable r) ->
                new Unread(r.get("account_login", String.class), r.get("unread", Long.class)))
        .all();
  }

  record Unread(String login, long unread) {}

  /** What the subject's notifications say (one of its rows), for another channel than the bell. */
  Mono<Notice> notice(String subject) {
    return db.sql(
            "select kind, title, text, link, visible_at from notification where subject = :subject"
                + " limit 1")
        .bind("subject", subject)
        .map(
            (Readable r) ->
                new Notice(
                    subject,
                    r.get("kind", String.class),
                    r.get("title", String.class),
                    r.get("text", String.class),
                    r.get("link", String.class),
                    r.get("visible_at", OffsetDateTime.class).toInstant()))
        .one();
  }

  /** Everyone who got the subject (for another channel than the bell). */
  Flux<String> recipients(String subject) {
    return db.sql("select account_login from notification where subject = :subject")
        .bind("subject", subject)
        .map((Readable r) -> r.get(0, String.class))
        .all();
  }
}
