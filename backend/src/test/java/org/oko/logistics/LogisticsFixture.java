package org.oko.logistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oko.api.model.Campaign;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A campaign with a published sample, for logistics tests. The sample feature is built in parallel,
 * so its rows are written straight into the V5 tables the way it will write them. Public because
 * the authorization matrix ({@code org.oko}) uses it too.
 */
public final class LogisticsFixture {

  /** ВПР subjects: Russian and mathematics in class 4, Russian in class 5. */
  static final String SUBJECTS =
      "[{\"key\":\"rus-4\",\"name\":\"Русский язык\",\"grade\":4},"
          + "{\"key\":\"mat-4\",\"name\":\"Математика\",\"grade\":4},"
          + "{\"key\":\"rus-5\",\"name\":\"Русский язык\",\"grade\":5}]";

  private final WebTestClient federal;
  private final DatabaseClient db;

  public LogisticsFixture(WebTestClient federal, DatabaseClient db) {
    this.federal = federal;
    this.db = db;
  }

  /** A new ВПР campaign in regions 64 and 02 with {@link #SUBJECTS}. */
  public long campaign(String title) {
    return federal
        .post()
        .uri("/api/campaigns")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"kind\":\"VPR\",\"title\":\""
                + title
                + "\",\"academicYear\":\"2025/2026\",\"subjects\":"
                + SUBJECTS
                + ",\"regionCodes\":[\"64\",\"02\"]}")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Campaign.class)
        .returnResult()
        .getResponseBody()
        .getId();
  }

  /** The organization is in the sample with these participants and subject keys. */
  public void select(long campaignId, String login, int participants, String... subjects) {
    entry(campaignId, login, "SELECTED", participants, subjects);
  }

  /** The region proposed the organization, but the federal organizer did not select it. */
  public void propose(long campaignId, String login) {
    entry(campaignId, login, "PROPOSED", 10, "rus-4");
  }

  public void publish(long campaignId, String regionCode) {
    db.sql(
            "insert into sample_publication (campaign_id, region_code, published_at, published_by)"
                + " values (:c, :r, now(), 'federal')")
        .bind("c", campaignId)
        .bind("r", regionCode)
        .then()
        .block();
  }

  public long organizationId(String login) {
    return db.sql("select id from organization where login = :login")
        .bind("login", login)
        .map(r -> r.get("id", Long.class))
        .one()
        .block();
  }

  private void entry(
      long campaignId, String login, String status, int participants, String... subjects) {
    db.sql(
            """
            insert into sample_entry (campaign_id, organization_id, region_code, status,
                participants, institution_type, settlement_type, education_levels, subjects)
            select :c, o.id, o.region_code, :status, :participants, o.kind, o.settlement_type,
                   o.education_levels, :subjects
            from organization o where o.login = :login
            """)
        .bind("c", campaignId)
        .bind("status", status)
        .bind("participants", participants)
        .bind("subjects", subjects)
        .bind("login", login)
        .then()
        .block();
  }

  /** Every non-empty row of the first sheet, each cell as the user sees it. */
  static List<List<String>> rows(byte[] xlsx) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter format = new DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
