package org.oko.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.oko.forms.ObjectivitySignsDirectory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored objectivity flags as the «Анализ объективности» form pre-fills them (forms declares
 * {@link ObjectivitySignsDirectory}): the titles of an organization's raised signs, subject by
 * subject, once its region's reports are released (before that the municipality does not see them),
 * never for the organization itself (the form is a municipality's).
 */
@Component
class ObjectivityFlagDirectory implements ObjectivitySignsDirectory {

  private record Raised(String login, String subjectKey, List<FlagCode> codes) {}

  private final DatabaseClient db;
  private final ResultsStore results;

  ObjectivityFlagDirectory(DatabaseClient db, ResultsStore results) {
    this.db = db;
    this.results = results;
  }

  @Override
  public Mono<Map<String, String>> signs(long campaignId, List<String> logins) {
    if (logins.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql(
            "select o.login, t.subject_key, t.flags from result_tally t"
                + " join organization o on o.id = t.organization_id"
                + " join result_release x on x.campaign_id = t.campaign_id"
                + " and x.region_code = t.region_code"
                + " where t.campaign_id = :c and t.level = 'ORGANIZATION'"
                + " and o.login = any(:logins) and cardinality(t.flags) > 0"
                + " order by o.login, t.subject_key")
        .bind("c", campaignId)
        .bind("logins", logins.toArray(String[]::new))
        .map(
            r ->
                new Raised(
                    r.get("login", String.class),
                    r.get("subject_key", String.class),
                    Stream.of(r.get("flags", String[].class)).map(FlagCode::valueOf).toList()))
        .all()
        .collectList()
        .flatMap(raised -> subjectNames(campaignId, raised).map(names -> text(raised, names)));
  }

  private Mono<Map<String, String>> subjectNames(long campaignId, List<Raised> raised) {
    return Flux.fromStream(raised.stream().map(Raised::subjectKey).distinct())
        .concatMap(
            key ->
                results
                    .subject(campaignId, key)
                    .map(s -> Map.entry(key, s.name()))
                    .defaultIfEmpty(Map.entry(key, key)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  private static Map<String, String> text(List<Raised> raised, Map<String, String> names) {
    Map<String, List<String>> bySchool = new LinkedHashMap<>();
    for (Raised r : raised) {
      bySchool
          .computeIfAbsent(r.login(), l -> new ArrayList<>())
          .add(
              names.get(r.subjectKey())
                  + ": "
                  + String.join("; ", r.codes().stream().map(c -> c.title).toList()));
    }
    Map<String, String> out = new LinkedHashMap<>();
    bySchool.forEach((login, lines) -> out.put(login, String.join(". ", lines)));
    return out;
  }
}
