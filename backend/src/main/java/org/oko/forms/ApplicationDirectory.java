package org.oko.forms;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import java.util.Map;
import org.oko.kits.ApplicationParticipants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an organization's submitted application (заявка, seed 004 6.6–6.8) says for other features:
 * the number of participants of a class and subject — the rows of the application-stage form that
 * have the columns {@code grade}, {@code subject} and {@code participants} — for the ВПР codes of
 * kits ({@link ApplicationParticipants}).
 */
@Component
public class ApplicationDirectory implements ApplicationParticipants {

  private static final TypeReference<Map<String, List<Map<String, String>>>> CONTENT =
      new TypeReference<>() {};

  private final DatabaseClient db;
  private final JsonMapper json;

  ApplicationDirectory(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /**
   * The participants of class {@code grade} in subject {@code subjectName} (case ignored) in the
   * organization's submitted applications of the campaign; empty when none is submitted.
   */
  @Override
  public Mono<Integer> participants(
      long campaignId, long organizationId, Integer grade, String subjectName) {
    return db.sql(
            """
            select form_response_content(r.id, r.content_gen) as content from form_response r
            join form_definition d on d.id = r.form_id
            where d.campaign_id = :campaign and d.stage_code = 'APPLICATION'
              and r.organization_id = :org and r.status = 'SUBMITTED'
            """)
        .bind("campaign", campaignId)
        .bind("org", organizationId)
        .map(row -> row.get("content", Json.class).asString())
        .all()
        .map(content -> count(json.readValue(content, CONTENT), grade, subjectName))
        .reduce(Integer::sum);
  }

  static int count(
      Map<String, List<Map<String, String>>> content, Integer grade, String subjectName) {
    int total = 0;
    for (List<Map<String, String>> rows : content.values()) {
      for (Map<String, String> row : rows) {
        if (subjectName.equalsIgnoreCase(String.valueOf(row.get("subject")).strip())
            && (grade == null || String.valueOf(grade).equals(row.get("grade")))
            && row.get("participants") != null) {
          total += Integer.parseInt(row.get("participants").strip());
        }
      }
    }
    return total;
  }
}
