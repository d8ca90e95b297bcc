package org.oko;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feature owns its tables (issue 16): another feature reads them only through the owner's
 * published interface, never by naming them in its own SQL. {@link ModularityTests} sees Java
 * dependencies only; a join to another feature's table is a dependency it cannot see (and it hid
 * two cycles), so this test reads the SQL.
 *
 * <p>The SQL of a file is its string literals (text blocks too), literals joined by {@code +} read
 * as one; comments are not SQL. A table is named when it follows {@code from}, {@code join}, {@code
 * into} or {@code update} as a whole word (a table after a comma of an old-style join is not seen).
 * The organization hierarchy is {@code orgs}' documented read model: every feature may read it,
 * only {@code orgs} writes it. A query that joins an owner's published read model (such as {@code
 * sample.SampleParticipants.relation()}) names no foreign table: the relation's SQL is in the
 * owner's file. See docs/architecture.md, "Table ownership".
 */
class TableOwnershipTests {

  /** Which feature owns each table of the migrations: the one that creates and changes its rows. */
  static final Map<String, String> OWNER =
      Map.ofEntries(
          entry("region", "orgs"),
          entry("municipality", "orgs"),
          entry("organization", "orgs"),
          entry("organization_tally", "orgs"),
          entry("outbox", "platform.events"),
          entry("audit_event", "platform.audit"),
          entry("idempotency_key", "platform.web"),
          entry("account", "identity"),
          entry("api_client", "identity"),
          entry("refresh_token", "identity"),
          entry("signing_key", "identity"),
          entry("login_throttle", "identity"),
          entry("credential_handout", "accounts"),
          entry("credential_handout_part", "accounts"),
          entry("staff_member", "accounts"),
          entry("staff_register_submission", "accounts"),
          entry("staff_register_submitted_line", "accounts"),
          entry("regional_roadmap_item", "roadmaps"),
          entry("campaign", "campaigns"),
          entry("campaign_region", "campaigns"),
          entry("campaign_stage", "campaigns"),
          entry("stage_extension", "campaigns"),
          entry("organization_test_day", "campaigns"),
          entry("stage_region_window", "campaigns"),
          entry("sample_entry", "sample"),
          entry("sample_publication", "sample"),
          entry("sample_participant_tally", "sample"),
          entry("sample_verification", "sample"),
          entry("sample_verification_row", "sample"),
          entry("publication", "publications"),
          entry("publication_region_release", "publications"),
          entry("attachment", "publications"),
          entry("attachment_file", "publications"),
          entry("publication_read", "publications"),
          entry("attachment_download", "publications"),
          entry("publication_data_collection", "publications"),
          entry("delivery_packet", "logistics"),
          entry("form_definition", "forms"),
          entry("form_definition_version", "forms"),
          entry("form_prefill", "forms"),
          entry("form_response", "forms"),
          entry("form_response_version", "forms"),
          entry("form_response_row", "forms"),
          entry("form_response_version_mark", "forms"),
          entry("form_response_tally", "forms"),
          entry("form_submission_key", "forms"),
          entry("form_approval", "forms"),
          entry("form_approval_event", "forms"),
          entry("kit_range", "kits"),
          entry("kit_credential", "kits"),
          entry("participant_code", "kits"),
          entry("questionnaire_definition", "questionnaires"),
          entry("questionnaire_definition_version", "questionnaires"),
          entry("questionnaire_session", "questionnaires"),
          entry("questionnaire_session_tally", "questionnaires"),
          entry("scan_scheme", "scans"),
          entry("local_scanning", "scans"),
          entry("scan_batch", "scans"),
          entry("scan_chunk", "scans"),
          entry("scan_sheet", "scans"),
          entry("scan_sheet_tally", "scans"),
          entry("live_ticket", "live"),
          entry("expert", "scoring"),
          entry("scoring_task", "scoring"),
          entry("scoring_outcome", "scoring"),
          entry("observer", "observers"),
          entry("observer_assignment", "observers"),
          entry("observer_note", "observers"),
          entry("observer_act", "observers"),
          entry("observer_file", "observers"),
          entry("observer_protocol", "observers"),
          entry("observer_archive_handover", "observers"),
          entry("observer_region_handover", "observers"),
          entry("forum_section", "forum"),
          entry("forum_section_tally", "forum"),
          entry("forum_question", "forum"),
          entry("forum_answer", "forum"),
          entry("forum_attachment", "forum"),
          entry("forum_post_quota", "forum"),
          entry("forum_word", "forum"),
          entry("notification", "notifications"),
          entry("notification_due", "notifications"),
          entry("result_grade_scale", "results"),
          entry("result_release", "results"),
          entry("result_protocol", "results"),
          entry("result_participant", "results"),
          entry("result_tally", "results"),
          entry("result_opening", "results"),
          entry("result_work", "results"),
          entry("result_criteria", "results"),
          entry("change_cursor_key", "integration"),
          entry("webhook_endpoint", "integration"),
          entry("webhook_delivery", "integration"),
          entry("webhook_attempt", "integration"),
          entry("export_job", "integration"));

  /** {@code orgs}' read model: every feature may read these tables (and only orgs writes them). */
  static final Set<String> READ_MODEL =
      Set.of("region", "municipality", "organization", "organization_tally");

  /**
   * The violations that remain, by file, with the foreign tables it names and why it still does. A
   * file's new foreign table, or a new file naming one, fails the test; so does an entry that is no
   * longer needed, so the list only shrinks.
   */
  static final Map<String, Allowed> ALLOWED =
      Map.ofEntries(
          allow(
              "demo/DemoCampaigns.java",
              "demo data: seeds campaigns and their published samples into an empty database",
              "campaign",
              "campaign_region",
              "campaign_stage",
              "sample_entry",
              "sample_publication"),
          allow(
              "demo/DemoPublications.java",
              "demo data: seeds publications and per-organization files into an empty database",
              "attachment",
              "attachment_file",
              "publication"),
          allow(
              "demo/DemoScans.java",
              "demo data: seeds schemes, local scanning, batches, sheets and experts",
              "expert",
              "local_scanning",
              "scan_batch",
              "scan_scheme",
              "scan_sheet"));

  record Allowed(Set<String> tables, String reason) {}

  private static Map.Entry<String, Allowed> allow(String file, String reason, String... tables) {
    return entry(file, new Allowed(Set.of(tables), reason));
  }

  private static final Path MAIN = Path.of("src/main/java/org/oko");

  @Test
  void everyTableOfTheMigrationsHasAnOwner() throws IOException {
    Set<String> created = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path f :
          files
              .filter(f -> f.toString().endsWith(".sql"))
              .sorted(Comparator.comparing(TableOwnershipTests::version))
              .toList()) {
        String sql = read(f).toLowerCase();
        created.addAll(words(sql, "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_0-9]+)"));
        created.removeAll(words(sql, "drop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_0-9]+)"));
      }
    }
    assertThat(OWNER.keySet())
        .as("tables with an owner")
        .containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void noFeatureNamesAnotherFeaturesTableInItsSql() throws IOException {
    Map<String, Set<String>> unexpected = new TreeMap<>();
    violations(MAIN)
        .forEach(
            (file, tables) -> {
              Allowed allowed = ALLOWED.get(file);
              Set<String> left = new TreeSet<>(tables);
              if (allowed != null) {
                left.removeAll(allowed.tables());
              }
              if (!left.isEmpty()) {
                unexpected.put(file, left);
              }
            });
    assertThat(unexpected)
        .as(
            "files naming another feature's tables in their SQL: read them through the owner's"
                + " published interface (docs/architecture.md, \"Table ownership\")")
        .isEmpty();
  }

  /** The allow-list names only what is still there, so it shrinks as violations are removed. */
  @Test
  void theAllowListHoldsOnlyViolationsThatRemain() throws IOException {
    Map<String, Set<String>> found = violations(MAIN);
    Map<String, Set<String>> stale = new TreeMap<>();
    ALLOWED.forEach(
        (file, allowed) -> {
          Set<String> gone = new TreeSet<>(allowed.tables());
          gone.removeAll(found.getOrDefault(file, Set.of()));
          if (!gone.isEmpty()) {
            stale.put(file, gone);
          }
        });
    assertThat(stale).as("allowed violations that no longer exist: remove them").isEmpty();
  }

  /**
   * The check catches a feature that reads another's table, in a text block, a literal split by
   * {@code +} or a join, and one that writes the read model; not a comment, its own tables or a
   * read of the hierarchy (a fixture that is never compiled).
   */
  @Test
  void aFeatureNamingAnotherFeaturesTableIsCaught() throws IOException {
    assertThat(violations(Path.of("src/test/resources/table-ownership-fixture")))
        .isEqualTo(
            Map.of(
                "campaigns/PeekingCampaignStore.java",
                Set.of("sample_entry", "sample_publication", "organization")));
  }

  /** For each Java file under {@code root}, the tables of other features its SQL names. */
  static Map<String, Set<String>> violations(Path root) throws IOException {
    Map<String, Set<String>> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String file = root.relativize(f).toString().replace('\\', '/');
        String feature = featureOf(file);
        String sql = sqlOf(read(f));
        Set<String> foreign = new TreeSet<>();
        OWNER.forEach(
            (table, owner) -> {
              if (owner.equals(feature)) {
                return;
              }
              boolean named = READ_MODEL.contains(table) ? writes(sql, table) : names(sql, table);
              if (named) {
                foreign.add(table);
              }
            });
        if (!foreign.isEmpty()) {
          found.put(file, foreign);
        }
      }
    }
    return found;
  }

  /**
   * {@code kits/KitStore.java} is in {@code kits}; {@code platform/events/Outbox.java} in {@code
   * platform.events}.
   */
  private static String featureOf(String file) {
    String[] parts = file.split("/");
    return parts[0].equals("platform") && parts.length > 2 ? "platform." + parts[1] : parts[0];
  }

  private static boolean names(String sql, String table) {
    return Pattern.compile(
            "\\b(from|join|into|update)\\s+" + table + "\\b", Pattern.CASE_INSENSITIVE)
        .matcher(sql)
        .find();
  }

  private static boolean writes(String sql, String table) {
    return Pattern.compile(
            "\\b(into|update|delete\\s+from)\\s+" + table + "\\b", Pattern.CASE_INSENSITIVE)
        .matcher(sql)
        .find();
  }

  /**
   * The string literals and text blocks of a Java source, in order: literals joined only by {@code
   * +} run together as Java joins them; others are kept apart so that no match spans two.
   */
  static String sqlOf(String java) {
    StringBuilder sql = new StringBuilder();
    int i = 0;
    int n = java.length();
    boolean joinNext = false;
    while (i < n) {
      char c = java.charAt(i);
      if (java.startsWith("//", i)) {
        i = java.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (java.startsWith("/*", i)) {
        i = java.indexOf("*/", i + 2);
        i = i < 0 ? n : i + 2;
      } else if (c == '\'') {
        i = skipQuoted(java, i, '\'');
      } else if (java.startsWith("\"\"\"", i)) {
        int end = java.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end;
        sql.append(joinNext ? "" : "\n;\n").append(java, i + 3, end);
        i = Math.min(n, end + 3);
        joinNext = true;
      } else if (c == '"') {
        int end = skipQuoted(java, i, '"');
        sql.append(joinNext ? "" : "\n;\n").append(java, i + 1, Math.max(i + 1, end - 1));
        i = end;
        joinNext = true;
      } else {
        if (!Character.isWhitespace(c) && c != '+') {
          joinNext = false;
        }
        i++;
      }
    }
    return sql.toString();
  }

  /** The index just past the literal opened by the quote at {@code start}. */
  private static int skipQuoted(String java, int start, char quote) {
    int i = start + 1;
    while (i < java.length() && java.charAt(i) != quote) {
      i += java.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(java.length(), i + 1);
  }

  /**
   * {@code V12__scans.sql} is version 12, {@code V24_1__webhooks.sql} 24.1: migrations run in that
   * order, not by name. Each part is padded, so the versions sort as strings.
   */
  private static String version(Path migration) {
    String name = migration.getFileName().toString();
    StringBuilder key = new StringBuilder();
    for (String part : name.substring(1, name.indexOf("__")).split("_")) {
      key.append(String.format("%08d.", Integer.parseInt(part)));
    }
    return key.toString();
  }

  private static Set<String> words(String text, String regex) {
    Set<String> words = new TreeSet<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      words.add(m.group(1));
    }
    return words;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
