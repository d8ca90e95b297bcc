package org.oko.orgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.platform.excel.ExportFormat;
import org.oko.platform.excel.StreamedExport;
import org.oko.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register of organizations in the caller's scope, streamed while it is read (issue 23, "Bulk
 * exports of any size"): a region's system keeps its own copy of the register without paging
 * through {@code GET /api/organizations}.
 */
@Service
class OrganizationExportService {

  static final List<String> HEADER =
      List.of(
          "Регион",
          "Муниципалитет",
          "Логин",
          "Наименование",
          "Тип",
          "Тип населённого пункта",
          "Уровни образования",
          "Адрес",
          "id");

  private static final Map<String, String> KINDS =
      Map.of(
          "SCHOOL", "ОО",
          "COLLEGE", "СПО",
          "ASSESSMENT_POINT", "ППО",
          "SCANNING_CENTRE", "РЦОИ");

  private static final Map<String, String> SETTLEMENTS =
      Map.of(
          "CITY", "Город",
          "TOWN", "Посёлок городского типа",
          "VILLAGE", "Сельская местность");

  private static final Map<String, String> LEVELS =
      Map.of(
          "PRIMARY", "НОО",
          "BASIC", "ООО",
          "SECONDARY", "СОО",
          "VOCATIONAL", "СПО");

  private final OrganizationExportStore store;
  private final JsonMapper json;

  OrganizationExportService(OrganizationExportStore store, JsonMapper json) {
    this.store = store;
    this.json = json;
  }

  /** The file's chunks; 403 before any byte for a caller without a part of the hierarchy. */
  Flux<DataBuffer> export(
      Caller caller, ExportFormat format, Long afterId, DataBufferFactory buffers) {
    ScopeCondition scope = Visibility.of(caller).condition();
    var rows = store.rows(scope, format == ExportFormat.NDJSON, afterId);
    return StreamedExport.body(
        format,
        new StreamedExport.Layout<OrganizationExportStore.Exported>(
            "Организации",
            HEADER,
            OrganizationExportService::cells,
            OrganizationExportService::line),
        rows,
        json,
        buffers);
  }

  private static List<Object> cells(OrganizationExportStore.Exported o) {
    return java.util.Arrays.asList(
        o.regionCode() + " " + o.region(),
        o.municipality() == null ? "Без муниципалитета" : o.municipality(),
        o.login(),
        o.name(),
        KINDS.getOrDefault(o.kind(), o.kind()),
        SETTLEMENTS.getOrDefault(o.settlementType(), o.settlementType()),
        String.join(
            ", ", o.educationLevels().stream().map(l -> LEVELS.getOrDefault(l, l)).toList()),
        o.address(),
        o.id());
  }

  private static Map<String, Object> line(OrganizationExportStore.Exported o) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", o.id());
    line.put("login", o.login());
    line.put("name", o.name());
    line.put("kind", o.kind());
    line.put("regionCode", o.regionCode());
    line.put("municipalityId", o.municipalityId());
    line.put("municipality", o.municipality());
    line.put("settlementType", o.settlementType());
    line.put("educationLevels", o.educationLevels());
    line.put("address", o.address());
    line.put("registeredAt", o.registeredAt() == null ? null : o.registeredAt().toString());
    return line;
  }
}
