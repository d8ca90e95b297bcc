package org.oko.orgs;

import io.r2dbc.spi.Readable;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.oko.platform.web.NotFoundException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lookups of organizations for other features; scope checks are the caller's job. */
@Component
public class OrganizationDirectory {

  private static final String SELECT =
      "select o.id, o.login, o.name, o.region_code, o.municipality_id, m.name as municipality"
          + " from organization o left join municipality m on m.id = o.municipality_id";

  private final DatabaseClient db;

  OrganizationDirectory(DatabaseClient db) {
    this.db = db;
  }

  /**
   * The part of the caller's scope a list is filtered to: a region and/or a municipality, each of
   * which must lie inside the scope (a foreign one is a 404, as if it did not exist).
   */
  public Mono<Visibility> narrowed(Visibility scope, String regionCode, Long municipalityId) {
    if (regionCode != null && !scope.seesRegion(regionCode)) {
      return Mono.error(new NotFoundException("Регион «" + regionCode + "» не найден"));
    }
    String region = regionCode != null ? regionCode : scope.regionCode();
    if (municipalityId == null) {
      return Mono.just(
          new Visibility(region, scope.municipalityId(), scope.withoutMunicipalityOnly(), null));
    }
    NotFoundException foreign =
        new NotFoundException("Муниципалитет " + municipalityId + " не найден");
    return db.sql("select region_code from municipality where id = :id")
        .bind("id", municipalityId)
        .map(r -> r.get("region_code", String.class))
        .one()
        .filter(
            municipalityRegion ->
                scope.seesRegion(municipalityRegion)
                    && (region == null || region.equals(municipalityRegion))
                    && !scope.withoutMunicipalityOnly()
                    && (scope.municipalityId() == null
                        || scope.municipalityId().equals(municipalityId)))
        .map(municipalityRegion -> new Visibility(municipalityRegion, municipalityId, false, null))
        .switchIfEmpty(Mono.error(foreign));
  }

  /** The time zone of each of these regions (those that exist), for local-time rules. */
  public Mono<Map<String, ZoneId>> zonesOf(Collection<String> regionCodes) {
    return db.sql("select code, time_zone from region where code = any(:codes)")
        .bind("codes", regionCodes.toArray(String[]::new))
        .map(
            r ->
                Map.entry(r.get("code", String.class), ZoneId.of(r.get("time_zone", String.class))))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
  }

  /**
   * A list's filter, narrowed to one organization when the request names one: the first half of
   * every "visible organizations → filter → count + page" list. {@code filter} gets the
   * organization's id, or null when none is named; an organization that does not exist or lies
   * outside {@code scope} is {@code notFound} (a 404: the list never says what lies outside).
   */
  public <F> Mono<F> narrowedTo(
      Visibility scope,
      Long organizationId,
      Function<Long, F> filter,
      Supplier<? extends RuntimeException> notFound) {
    if (organizationId == null) {
      return Mono.just(filter.apply(null));
    }
    return visible(byId(organizationId), scope, filter, notFound);
  }

  /**
   * {@link #narrowedTo(Visibility, Long, Function, Supplier)} for an organization named by login.
   */
  public <F> Mono<F> narrowedTo(
      Visibility scope,
      String login,
      Function<Long, F> filter,
      Supplier<? extends RuntimeException> notFound) {
    if (login == null) {
      return Mono.just(filter.apply(null));
    }
    return visible(byLogin(login), scope, filter, notFound);
  }

  private static <F> Mono<F> visible(
      Mono<OrganizationRef> found,
      Visibility scope,
      Function<Long, F> filter,
      Supplier<? extends RuntimeException> notFound) {
    return found
        .filter(scope::seesOrganization)
        .map(o -> filter.apply(o.id()))
        .switchIfEmpty(Mono.error(notFound));
  }

  public Mono<OrganizationRef> byId(long id) {
    return db.sql(SELECT + " where o.id = :id")
        .bind("id", id)
        .map(OrganizationDirectory::toRef)
        .one();
  }

  public Mono<OrganizationRef> byLogin(String login) {
    return db.sql(SELECT + " where o.login = :login")
        .bind("login", login)
        .map(OrganizationDirectory::toRef)
        .one();
  }

  /** The organizations with these ids that exist, in login order. */
  public Flux<OrganizationRef> byIds(Collection<Long> ids) {
    return db.sql(SELECT + " where o.id = any(:ids) order by o.login")
        .bind("ids", ids.toArray(Long[]::new))
        .map(OrganizationDirectory::toRef)
        .all();
  }

  /** Which of these organizations are of {@code kind} (such as {@code SCANNING_CENTRE}). */
  public Flux<Long> idsOfKind(Collection<Long> ids, String kind) {
    return db.sql("select id from organization where id = any(:ids) and kind = :kind")
        .bind("ids", ids.toArray(Long[]::new))
        .bind("kind", kind)
        .map(r -> r.get("id", Long.class))
        .all();
  }

  /** The region's organizations of these kinds (all kinds if empty), in login order. */
  public Flux<OrganizationRef> inRegion(String regionCode, Collection<String> kinds) {
    var spec =
        db.sql(
                SELECT
                    + " where o.region_code = :region"
                    + (kinds.isEmpty() ? "" : " and o.kind = any(:kinds)")
                    + " order by o.login")
            .bind("region", regionCode);
    if (!kinds.isEmpty()) {
      spec = spec.bind("kinds", kinds.toArray(String[]::new));
    }
    return spec.map(OrganizationDirectory::toRef).all();
  }

  private static OrganizationRef toRef(Readable r) {
    return new OrganizationRef(
        r.get("id", Long.class),
        r.get("login", String.class),
        r.get("name", String.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality", String.class));
  }
}
