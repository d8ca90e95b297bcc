package org.oko.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A country's monitoring data (issue 24, part 3): the demo's campaigns at full size. On top of the
 * demo data it writes, set by set in PostgreSQL ({@code generate_series}, no row-by-row round
 * trips):
 *
 * <ul>
 *   <li>the hierarchy: region 64 (Саратовская область, whose demo coordinators sign in) with {@link
 *       Size#largest} more schools, and {@link Size#regions} − 1 other regions of {@link
 *       Size#schools} schools each, every region with {@link Size#municipalities} municipalities
 *       and one assessment point per municipality (85 × 28 = 2 380 at the defaults);
 *   <li>«ВПР-2026, весна» (forms): every school selected and published, and its results protocol
 *       ({@code results-math-4}) — 60 % submitted (a frozen version), 20 % a draft, 20 % not
 *       started — with {@link Size#rows} rows each in {@code form_response_row};
 *   <li>«ОМК учителей 2026» (questionnaires): kits of rus and math at every point, a credential per
 *       kit, {@link Size#sessions} questionnaire sessions (70 % submitted), one per kit but every
 *       eleventh kit unused;
 *   <li>protocol 2 of every point and subject, submitted: a row per kit, marked «использован» where
 *       a session was started and «не использован» where not (what the questionnaire monitoring's
 *       «kits used» reads);
 *   <li>the demo's scanning campaign: one finished upload per point with {@link Size#sheets} sheets
 *       in every status of the collector and the experts' checking.
 * </ul>
 *
 * Synthetic logins: schools {@code syn000001…}, points {@code synp<municipality id>}, kit
 * credentials {@code synr/synm<region><kit number>}.
 */
final class CountryMonitoringLoader {

  /** The campaigns of the demo the data goes into. */
  static final String FORMS_CAMPAIGN = "ВПР-2026, весна";

  static final String QUESTIONNAIRE_CAMPAIGN = "ОМК учителей 2026";

  static final String SCANS_CAMPAIGN = "ОМК-2026 (осень): сканирование и проверка экспертами";

  /** The form each school answers: the results protocol of the spring ВПР. */
  static final String FORM_CODE = "results-math-4";

  /** The largest region: the demo's, so that its coordinators (region64) sign in to it. */
  static final String LARGEST_REGION = "64";

  /**
   * The knobs; {@link #issue()} is the issue's country.
   *
   * @param regions regions including region 64
   * @param municipalities synthetic municipalities per region (each with one assessment point)
   * @param schools synthetic schools of every region but 64
   * @param largest synthetic schools added to region 64
   * @param rows rows of each results protocol answered (submitted or draft)
   * @param sessions questionnaire sessions of the whole country
   * @param sheets scanned sheets per assessment point
   */
  record Size(
      int regions,
      int municipalities,
      int schools,
      int largest,
      int rows,
      int sessions,
      int sheets) {

    static Size issue() {
      return new Size(85, 28, 453, 2000, 25, 1_000_000, 200);
    }

    int allSchools() {
      return largest + (regions - 1) * schools;
    }

    int points() {
      return regions * municipalities;
    }

    /** Kits per point and subject: one more than the sessions in every eleven. */
    int kitsPerPointAndSubject() {
      return Math.max(1, (int) Math.ceil(sessions * 11.0 / 10 / points() / 2));
    }
  }

  /** What was loaded: the campaigns, the form and the counts of each table written. */
  record Loaded(
      long formsCampaign,
      long questionnaireCampaign,
      long scansCampaign,
      long formId,
      List<String> regionCodes,
      Map<String, Long> rows) {}

  private final DatabaseClient db;

  CountryMonitoringLoader(DatabaseClient db) {
    this.db = db;
  }

  Loaded load(Size size) {
    long forms = campaign(FORMS_CAMPAIGN);
    long questionnaires = campaign(QUESTIONNAIRE_CAMPAIGN);
    long scans = campaign(SCANS_CAMPAIGN);
    List<String> codes = regionCodes(size.regions());
    hierarchy(codes, size);
    for (long campaign : List.of(forms, questionnaires, scans)) {
      exec(
          """
          insert into campaign_region (campaign_id, region_code)
          select :c, code from unnest(cast(:codes as text[])) code on conflict do nothing
          """,
          Map.of("c", campaign, "codes", codes.toArray(String[]::new)));
    }
    sample(forms, "SCHOOL", "rus-4,math-4,okr-4,rus-5,math-5", codes);
    sample(questionnaires, "ASSESSMENT_POINT", "rus,math", codes);
    sample(scans, "ASSESSMENT_POINT", "rus", codes);
    long formId = formResponses(forms, size);
    questionnaireSessions(questionnaires, size);
    protocolsTwo(questionnaires);
    scannedSheets(scans, size);
    exec("analyze", Map.of());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        List.of(
            "organization",
            "municipality",
            "sample_entry",
            "form_response",
            "form_response_row",
            "kit_credential",
            "questionnaire_session",
            "scan_batch",
            "scan_sheet")) {
      counts.put(table, count("select count(*) from " + table));
    }
    return new Loaded(forms, questionnaires, scans, formId, codes, counts);
  }

  private long campaign(String title) {
    return count("select id from campaign where title = '" + title + "' order by id limit 1");
  }

  /** 64 first, then codes from 10 up that are not 64. */
  private static List<String> regionCodes(int regions) {
    List<String> codes = new ArrayList<>(List.of(LARGEST_REGION));
    for (int c = 10; codes.size() < regions && c <= 99; c++) {
      String code = String.format("%02d", c);
      if (!code.equals(LARGEST_REGION)) {
        codes.add(code);
      }
    }
    return codes;
  }

  private void hierarchy(List<String> codes, Size size) {
    String[] array = codes.toArray(String[]::new);
    exec(
        """
        insert into region (code, name, time_zone)
        select c, 'Синтетический регион ' || c, 'Europe/Moscow' from unnest(cast(:codes as text[])) c
        on conflict do nothing
        """,
        Map.of("codes", array));
    exec(
        """
        insert into municipality (region_code, name)
        select c, 'Синтетический район ' || m
        from unnest(cast(:codes as text[])) c, generate_series(1, :n) m
        on conflict do nothing
        """,
        Map.of("codes", array, "n", size.municipalities()));
    int first = 1;
    for (String code : codes) {
      int n = code.equals(LARGEST_REGION) ? size.largest() : size.schools();
      exec(
          """
          with m as (select array_agg(id order by id) as ids from municipality
                     where region_code = :code and name like 'Синтетический район %')
          insert into organization (login, name, kind, region_code, municipality_id,
              settlement_type, education_levels)
          select format('syn%s', lpad(i::text, 6, '0')), format('Синтетическая школа № %s', i),
                 'SCHOOL', :code, m.ids[1 + i % array_length(m.ids, 1)],
                 (array['CITY', 'TOWN', 'VILLAGE'])[1 + i % 3], '{NOO,OOO}'
          from m, generate_series(:first, :last) i
          """,
          Map.of("code", code, "first", first, "last", first + n - 1));
      first += n;
    }
    exec(
        """
        insert into organization (login, name, kind, region_code, municipality_id, settlement_type)
        select format('synp%s', lpad(m.id::text, 6, '0')),
               'Пункт проведения оценки: ' || m.name || ' (' || m.region_code || ')',
               'ASSESSMENT_POINT', m.region_code, m.id, 'CITY'
        from municipality m
        where m.region_code = any(cast(:codes as text[])) and m.name like 'Синтетический район %'
        """,
        Map.of("codes", array));
  }

  private void sample(long campaign, String kind, String subjects, List<String> codes) {
    exec(
        """
        insert into sample_entry (campaign_id, organization_id, region_code, status,
            participants, institution_type, settlement_type, education_levels, subjects)
        select :c, o.id, o.region_code, 'SELECTED', 25,
               case when o.kind = 'SCHOOL' then 'Средняя общеобразовательная школа'
                    else 'Пункт проведения оценки' end,
               o.settlement_type, o.education_levels, string_to_array(:subjects, ',')
        from organization o
        where o.kind = :kind and o.login like 'syn%'
        on conflict do nothing
        """,
        Map.of("c", campaign, "kind", kind, "subjects", subjects));
    exec(
        """
        insert into sample_publication (campaign_id, region_code, published_at, published_by)
        select :c, code, now(), 'bench' from unnest(cast(:codes as text[])) code
        on conflict do nothing
        """,
        Map.of("c", campaign, "codes", codes.toArray(String[]::new)));
  }

  /** 60 % submitted (frozen as version 1), 20 % drafts, 20 % not started; rows for each. */
  private long formResponses(long campaign, Size size) {
    long form =
        count(
            "select id from form_definition where campaign_id = "
                + campaign
                + " and code = '"
                + FORM_CODE
                + "'");
    exec(
        """
        insert into form_response (form_id, organization_id, region_code, status, problem_count,
            definition_version, version, updated_at, updated_by, submitted_at, submitted_by,
            submissions, content_gen, frozen_gen)
        select f.id, o.id, o.region_code, case when o.id % 10 < 6 then 'SUBMITTED' else 'DRAFT' end,
               0, f.version, 1, now() - (o.id % 5000) * interval '1 minute', o.login,
               case when o.id % 10 < 6 then now() - (o.id % 5000) * interval '1 minute' end,
               case when o.id % 10 < 6 then o.login end,
               case when o.id % 10 < 6 then 1 else 0 end, 1,
               case when o.id % 10 < 6 then 1 else 0 end
        from form_definition f, organization o
        where f.id = :f and o.kind = 'SCHOOL' and o.login like 'syn%' and o.id % 10 < 8
        """,
        Map.of("f", form));
    exec(
        """
        insert into form_response_version (response_id, number, row_count, definition_version,
            submitted_at, submitted_by, content_gen)
        select r.id, 1, :rows, r.definition_version, r.submitted_at, r.submitted_by, 1
        from form_response r where r.form_id = :f and r.status = 'SUBMITTED'
        """,
        Map.of("f", form, "rows", size.rows()));
    exec(
        """
        insert into form_response_row (response_id, sheet, position, cells, valid_from)
        select r.id, 'results', p,
               jsonb_build_object('classLetter', '4А', 'code', lpad(p::text, 5, '0'),
                                  'variant', (1 + p % 2)::text,
                                  'tasks', '1 1 0 1 2 1 0 1 1 2 1 0'),
               1
        from form_response r, generate_series(1, :rows) p
        where r.form_id = :f
        """,
        Map.of("f", form, "rows", size.rows()));
    return form;
  }

  /** Kits at every point, a credential per kit, a session for ten kits in eleven. */
  private void questionnaireSessions(long campaign, Size size) {
    exec(
        """
        insert into kit_range (campaign_id, subject_key, organization_id, region_code,
            first_number, last_number, category, assigned_by, assigned_at)
        select :c, s, p.id, p.region_code, 1000000 + p.n * 10000,
               1000000 + p.n * 10000 + :k - 1, 'TEACHER', 'bench', now()
        from (select id, region_code, row_number() over (order by id) as n from organization
              where kind = 'ASSESSMENT_POINT' and login like 'synp%') p,
             unnest(array['rus', 'math']) s
        """,
        Map.of("c", campaign, "k", size.kitsPerPointAndSubject()));
    exec(
        """
        insert into kit_credential (login, range_id, campaign_id, subject_key, category,
            kit_number, organization_id, region_code, password)
        select case r.subject_key when 'rus' then 'synr' else 'synm' end || r.region_code || k,
               r.id, r.campaign_id, r.subject_key, r.category, k, r.organization_id,
               r.region_code, lpad(((k * 7919) % 100000)::text, 5, '0')
        from kit_range r, generate_series(r.first_number, r.last_number) k
        where r.campaign_id = :c and r.assigned_by = 'bench'
        """,
        Map.of("c", campaign));
    exec(
        """
        insert into questionnaire_session (id, login, questionnaire_id, definition_version,
            campaign_id, subject_key, organization_id, region_code, status, answers, revision,
            started_at, updated_at, submitted_at)
        select gen_random_uuid(), k.login, q.id, q.version, k.campaign_id, k.subject_key,
               k.organization_id, k.region_code,
               case when k.kit_number % 10 < 7 then 'SUBMITTED' else 'STARTED' end,
               '{"experience": 12, "qualification": "first"}', 1,
               now() - interval '2 hours', now() - (k.kit_number % 100) * interval '1 minute',
               case when k.kit_number % 10 < 7 then now() - interval '1 hour' end
        from kit_credential k
        join kit_range r on r.id = k.range_id and r.assigned_by = 'bench'
        join questionnaire_definition q on q.campaign_id = k.campaign_id
                                       and q.category = 'TEACHER'
        where k.campaign_id = :c and k.kit_number % 11 <> 0
        limit :n
        """,
        Map.of("c", campaign, "n", size.sessions()));
  }

  /** Protocol 2 (the forms whose sheet is pre-filled with the point's kits) of every point. */
  private void protocolsTwo(long campaign) {
    String sheets =
        """
        with sheets as (
          select f.id, f.version, f.subject_key, s->>'key' as sheet, s->>'keyColumn' as key_column
          from form_definition f, jsonb_array_elements(f.schema->'sheets') s
          where f.campaign_id = :c and f.subject_key is not null and s->>'prefill' = 'KITS')
        """;
    exec(
        sheets
            + """
            insert into form_response (form_id, organization_id, region_code, status,
                problem_count, definition_version, version, updated_at, updated_by, submitted_at,
                submitted_by, submissions, content_gen, frozen_gen)
            select distinct on (x.id, p.id) x.id, p.id, p.region_code, 'SUBMITTED', 0, x.version, 1,
                   now() - interval '3 hours', p.login, now() - interval '3 hours', p.login, 1, 1,
                   1
            from sheets x, organization p
            where p.kind = 'ASSESSMENT_POINT' and p.login like 'synp%'
            """,
        Map.of("c", campaign));
    exec(
        sheets
            + """
            insert into form_response_row (response_id, sheet, position, cells, valid_from)
            select r.id, x.sheet,
                   row_number() over (partition by r.id, x.sheet order by k.kit_number),
                   jsonb_build_object(x.key_column, k.kit_number::text, 'comment',
                       case when k.kit_number % 11 <> 0 then 'использован'
                            else 'не использован' end),
                   1
            from sheets x
            join form_response r on r.form_id = x.id
            join organization p on p.id = r.organization_id and p.login like 'synp%'
            join kit_credential k on k.campaign_id = :c and k.organization_id = p.id
                                 and k.subject_key = x.subject_key
            """,
        Map.of("c", campaign));
    // the version after its rows: freezing it counts its kits marked used (V60)
    exec(
        sheets
            + """
            insert into form_response_version (response_id, number, row_count, definition_version,
                submitted_at, submitted_by, content_gen)
            select distinct r.id, 1, 0, r.definition_version, r.submitted_at, r.submitted_by, 1
            from sheets x join form_response r on r.form_id = x.id
            join organization p on p.id = r.organization_id and p.login like 'synp%'
            """,
        Map.of("c", campaign));
  }

  /** One finished upload per point; its sheets in every status, two pages per work. */
  private void scannedSheets(long campaign, Size size) {
    exec(
        """
        insert into scan_batch (campaign_id, subject_key, organization_id, region_code, file_name,
            size, received_bytes, status, uploaded_by, created_at, completed_at)
        select :c, 'rus', o.id, o.region_code, 'scan-' || o.login || '.zip', 1048576, 1048576,
               'DONE', 'bench', now() - interval '1 day', now() - interval '1 day'
        from organization o where o.kind = 'ASSESSMENT_POINT' and o.login like 'synp%'
        """,
        Map.of("c", campaign));
    exec(
        """
        insert into scan_sheet (batch_id, campaign_id, subject_key, organization_id, region_code,
            file_name, content_type, blob_key, size, kit_number, page, status, error_code,
            uploaded_at, updated_at)
        select b.id, b.campaign_id, b.subject_key, b.organization_id, b.region_code,
               'sheet-' || n || '.png', 'image/png', 'bench/none', 1000,
               50000000 + b.id * 1000 + n / 2, 1 + n % 2,
               (array['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED',
                      'ACCEPTED', 'ACCEPTED', 'ASSIGNED', 'ASSIGNED', 'SCORED', 'SCORED',
                      'SCORED', 'VERIFIED', 'VERIFIED', 'VERIFIED', 'ERROR', 'PROCESSING',
                      'UPLOADED', 'REPLACED'])[1 + n % 20],
               case when n % 20 = 16 then 'BLANK_PAGE' end,
               now() - interval '1 day', now() - interval '1 hour'
        from scan_batch b, generate_series(0, :sheets - 1) n
        where b.campaign_id = :c and b.uploaded_by = 'bench'
        """,
        Map.of("c", campaign, "sheets", size.sheets()));
  }

  private void exec(String sql, Map<String, Object> params) {
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
    for (Map.Entry<String, Object> p : params.entrySet()) {
      spec = spec.bind(p.getKey(), p.getValue());
    }
    spec.then().block();
  }

  private long count(String sql) {
    return db.sql(sql).map(r -> ((Number) r.get(0)).longValue()).one().block();
  }
}
