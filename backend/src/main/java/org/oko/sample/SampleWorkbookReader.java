package org.oko.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.platform.excel.CellDates;
import org.oko.platform.excel.FillInTemplate;
import org.oko.platform.excel.WorkbookReader;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;

/**
 * Reads an uploaded sample workbook (see {@link SampleWorkbook}) with {@link WorkbookReader}: first
 * its signature, then every row, collecting each malformed cell as a problem rather than stopping
 * at the first. Blocking: call it on {@code boundedElastic}.
 */
final class SampleWorkbookReader {

  /**
   * One row of the sheet.
   *
   * @param attributes null when the row says «нет» or one of its cells is wrong
   * @param subjects the subject codes as written (checked against the campaign even when another
   *     cell of the row is wrong, so that every problem of a file is listed at once)
   */
  record Line(
      int row,
      String login,
      boolean participates,
      Attributes attributes,
      List<String> subjects,
      Place place) {

    /** What the row proposes, for the checks against the campaign and the sample. */
    Proposal proposal() {
      return new Proposal(login, attributes, subjects, place);
    }
  }

  /** The rows that could be read, and what was wrong with the others. */
  record Parsed(List<Line> lines, List<FieldProblem> problems) {}

  private static final int MAX_PARTICIPANTS = 100_000;

  private SampleWorkbookReader() {}

  /** The workbook's signature; 422 if it has none (not a workbook this system made). */
  static FormSignature signature(Path file, String expectedForm) {
    Map<String, String> values = new HashMap<>();
    boolean found;
    try (WorkbookReader workbook = WorkbookReader.open(file, WorkbookReader.Limits.DEFAULT)) {
      found =
          workbook.readSheetByLetter(
              SampleWorkbook.SIGNATURE_SHEET,
              (row, cells) -> {
                if (cells.containsKey("A")) {
                  values.put(cells.get("A").strip(), cells.getOrDefault("B", "").strip());
                }
              });
    }
    try {
      if (found) {
        String municipality = values.get("municipality");
        return new FormSignature(
            Long.parseLong(values.get("campaign")),
            values.get("form").strip(),
            values.get("region"),
            municipality == null || municipality.isEmpty() ? null : Long.valueOf(municipality));
      }
    } catch (RuntimeException e) {
      // fall through: a damaged signature is as good as none
    }
    String name =
        FormSignature.PRELIMINARY_LIST.equals(expectedForm)
            ? "шаблоном предварительного списка"
            : "формой выверки";
    throw refused(
        "Файл не является "
            + name
            + ", выгруженным из системы. Скачайте файл заново и заполните его.");
  }

  /** Refuses a file made for another campaign, form or region (422, nothing read). */
  static void requireMadeFor(FormSignature found, FormSignature expected) {
    if (!found.form().equals(expected.form())) {
      throw refused(
          "Загружен не тот файл: это "
              + found.formName()
              + ", а здесь принимается "
              + expected.formName()
              + ".");
    }
    if (found.campaignId() != expected.campaignId()) {
      throw refused(
          "Файл выгружен для другой кампании (№ "
              + found.campaignId()
              + "). Скачайте "
              + expected.formName()
              + " этой кампании.");
    }
    if (expected.regionCode() != null && !expected.regionCode().equals(found.regionCode())) {
      throw refused(
          "Файл выгружен для другого региона (код "
              + found.regionCode()
              + "). Скачайте "
              + expected.formName()
              + " своего региона.");
    }
  }

  static UnprocessableException refused(String message) {
    return new UnprocessableException(
        message, List.of(new FieldProblem(null, message, null, null, null)));
  }

  /**
   * Every row below the header. A row saying «нет» is read for its login only when {@code
   * attributesOfNo} is false (the preliminary list leaves such organizations out altogether).
   */
  static Parsed lines(Path file, boolean attributesOfNo) {
    List<Line> lines = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    // Rows are read by column letter: only below the template's own titles row.
    FillInTemplate.read(
        file,
        WorkbookReader.Limits.DEFAULT,
        SampleWorkbook.SHEET,
        Column.titles(),
        "В файле нет листа «" + SampleWorkbook.SHEET + "». Скачайте файл заново.",
        (row, cells) -> read(row, cells, attributesOfNo, lines, problems));
    return new Parsed(lines, problems);
  }

  private static void read(
      int row,
      Map<String, String> cells,
      boolean attributesOfNo,
      List<Line> lines,
      List<FieldProblem> problems) {
    if (Set.of(Column.values()).stream().noneMatch(c -> cells.containsKey(c.letter))) {
      return; // only columns beyond ours: not a row of the form
    }
    Place place = Place.row(SampleWorkbook.SHEET, row);
    int before = problems.size();
    String login = value(cells, Column.LOGIN);
    if (login.isEmpty()) {
      problems.add(place.problem(Column.LOGIN, "", "Не указан логин организации"));
    }
    Boolean participates = Vocabulary.yesNo(value(cells, Column.PARTICIPATES));
    if (participates == null) {
      problems.add(
          place.problem(
              Column.PARTICIPATES,
              value(cells, Column.PARTICIPATES),
              "Укажите «да» или «нет» в столбце «Участвует»"));
    }
    Attributes attributes = null;
    if (Boolean.TRUE.equals(participates) || (participates != null && attributesOfNo)) {
      attributes = attributes(cells, place, problems);
    }
    if (problems.size() > before) {
      attributes = null;
    }
    if (!login.isEmpty() && participates != null) {
      lines.add(new Line(row, login, participates, attributes, subjects(cells), place));
    }
  }

  private static Attributes attributes(
      Map<String, String> cells, Place place, List<FieldProblem> problems) {
    String count = value(cells, Column.PARTICIPANTS);
    int participants = -1;
    if (count.matches("\\d{1,6}") && Integer.parseInt(count) <= MAX_PARTICIPANTS) {
      participants = Integer.parseInt(count);
    } else if (CellDates.isDate(count)) {
      problems.add(
          place.problem(
              Column.PARTICIPANTS,
              count,
              CellDates.notANumber(
                  "количество участников (целое число от 0 до " + MAX_PARTICIPANTS + ")")));
    } else {
      problems.add(
          place.problem(
              Column.PARTICIPANTS,
              count,
              "Количество участников — целое число от 0 до " + MAX_PARTICIPANTS));
    }
    var levels = new LinkedHashSet<String>();
    for (String token : split(value(cells, Column.LEVELS))) {
      String code = Vocabulary.levelCode(token);
      if (code == null) {
        problems.add(
            place.problem(
                Column.LEVELS,
                value(cells, Column.LEVELS),
                "Неизвестный уровень образования «" + token + "»: допустимы НОО, ООО, СОО, СПО"));
      } else {
        levels.add(code);
      }
    }
    String settlement = Vocabulary.settlementCode(value(cells, Column.SETTLEMENT));
    if (settlement == null) {
      problems.add(
          place.problem(
              Column.SETTLEMENT,
              value(cells, Column.SETTLEMENT),
              "Укажите вид населённого пункта: город, посёлок городского типа или сельская"
                  + " местность"));
    }
    String type = value(cells, Column.TYPE);
    if (type.isEmpty() || type.length() > 100) {
      problems.add(
          place.problem(
              Column.TYPE,
              type,
              type.isEmpty() ? "Укажите тип ОО" : "Тип ОО — не длиннее 100 символов"));
    }
    return new Attributes(participants, type, settlement, List.copyOf(levels), subjects(cells));
  }

  private static List<String> subjects(Map<String, String> cells) {
    return List.copyOf(new LinkedHashSet<>(split(value(cells, Column.SUBJECTS))));
  }

  private static String value(Map<String, String> cells, Column column) {
    String value = cells.get(column.letter);
    return value == null ? "" : value.strip();
  }

  private static List<String> split(String list) {
    return java.util.Arrays.stream(list.split("[,;]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
