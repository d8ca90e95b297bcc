package org.oko.questionnaires;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.questionnaires.QuestionnaireContent.Option;
import org.oko.questionnaires.QuestionnaireContent.Question;
import org.oko.questionnaires.QuestionnaireContent.QuestionType;
import org.oko.questionnaires.QuestionnaireContent.Section;

/**
 * The export of submitted questionnaires as one table: region, point, subject, category, kit, time
 * of submission in the region's time zone, then one column per question of the current definition
 * (a matrix one per row), and last the answers to questions the definition no longer has. Written
 * as {@code .xlsx} ({@link org.oko.platform.excel.StreamedWorkbook}) or CSV ({@link CsvLine}).
 */
final class AnswersWorkbook {

  static final String SHEET = "Ответы";
  static final String OTHER = "Другие ответы";
  static final List<String> FIXED =
      List.of(
          "Регион",
          "Логин ППО",
          "Предмет",
          "Категория",
          "Номер комплекта",
          "Анкета сдана (время региона)");
  static final String JOIN = "; ";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private AnswersWorkbook() {}

  /** One column of answers: a question, or one row of a matrix question. */
  record Column(String header, Question question, Option row) {}

  /** The answer columns of one category's current definition, from {@code offset} in the table. */
  record Block(String category, int offset, List<Column> columns, Set<String> keys) {}

  /** The columns of the whole table. */
  record Layout(List<Block> blocks, int width) {
    static Layout of(List<QuestionnaireDefinitionStore.Definition> defs) {
      List<Block> blocks = new ArrayList<>();
      int offset = FIXED.size();
      boolean prefix = defs.size() > 1;
      for (QuestionnaireDefinitionStore.Definition d : defs) {
        List<Column> columns = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        String before =
            prefix ? QuestionnaireDefinitionService.categoryName(d.category()) + ": " : "";
        for (Section section : AnswerRules.sections(d.content())) {
          for (Question q : AnswerRules.questions(section)) {
            keys.add(q.key());
            if (q.type() == QuestionType.MATRIX) {
              for (Option row : q.rows()) {
                columns.add(new Column(before + q.text() + " — " + row.label(), q, row));
              }
            } else {
              columns.add(new Column(before + q.text(), q, null));
            }
          }
        }
        blocks.add(new Block(d.category(), offset, columns, keys));
        offset += columns.size();
      }
      return new Layout(blocks, offset + 1);
    }

    List<String> header() {
      List<String> header = new ArrayList<>(FIXED);
      for (Block block : blocks) {
        block.columns().forEach(c -> header.add(c.header()));
      }
      header.add(OTHER);
      return header;
    }

    Block of(String category) {
      for (Block block : blocks) {
        if (block.category().equals(category)) {
          return block;
        }
      }
      return null;
    }
  }

  /** The cells of one row: text (String), numbers (Number) or empty (null). */
  static List<Object> cells(
      SubmittedAnswersStore.Submitted s,
      Map<String, Object> answers,
      Layout layout,
      Map<String, String> subjects) {
    List<Object> cells = new ArrayList<>(layout.width());
    cells.add(s.regionCode());
    cells.add(s.point());
    cells.add(subjects.getOrDefault(s.subjectKey(), s.subjectKey()));
    cells.add(QuestionnaireDefinitionService.categoryName(s.category()));
    cells.add(s.kit());
    cells.add(s.submittedAt() == null ? null : s.submittedAt().atZone(zone(s.zone())).format(TIME));
    while (cells.size() < layout.width()) {
      cells.add(null);
    }
    Block block = layout.of(s.category());
    if (block != null) {
      for (int i = 0; i < block.columns().size(); i++) {
        Column column = block.columns().get(i);
        Object value = answers.get(column.question().key());
        cells.set(block.offset() + i, render(column, value));
      }
    }
    StringBuilder other = new StringBuilder();
    for (Map.Entry<String, Object> e : answers.entrySet()) {
      if (e.getValue() == null || (block != null && block.keys().contains(e.getKey()))) {
        continue;
      }
      if (!other.isEmpty()) {
        other.append(JOIN);
      }
      other.append(e.getKey()).append('=').append(plain(e.getValue()));
    }
    cells.set(layout.width() - 1, other.isEmpty() ? null : other.toString());
    return cells;
  }

  private static Object render(Column column, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      return null;
    }
    Question q = column.question();
    switch (q.type()) {
      case SINGLE_CHOICE:
        return value instanceof String s ? label(q.options(), s) : plain(value);
      case MULTIPLE_CHOICE:
        if (value instanceof List<?> list) {
          StringBuilder labels = new StringBuilder();
          for (Object item : list) {
            if (!labels.isEmpty()) {
              labels.append(JOIN);
            }
            labels.append(item instanceof String s ? label(q.options(), s) : plain(item));
          }
          return labels.isEmpty() ? null : labels.toString();
        }
        return plain(value);
      case MATRIX:
        if (value instanceof Map<?, ?> map) {
          Object cell = map.get(column.row().value());
          return cell instanceof String s ? label(q.options(), s) : null;
        }
        return null;
      case SCALE:
      case NUMBER:
        return value instanceof Number ? value : plain(value);
      default:
        return value instanceof String s && s.isBlank() ? null : plain(value);
    }
  }

  private static String label(List<Option> options, String value) {
    if (options != null) {
      for (Option option : options) {
        if (value.equals(option.value())) {
          return option.label();
        }
      }
    }
    return value;
  }

  /** Any answer as plain text: lists joined, objects as row=value. */
  private static String plain(Object value) {
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      for (Object item : list) {
        if (text.length() > 1) {
          text.append(", ");
        }
        text.append(plain(item));
      }
      return text.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (text.length() > 1) {
          text.append(", ");
        }
        text.append(e.getKey()).append(": ").append(plain(e.getValue()));
      }
      return text.append('}').toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }

  private static ZoneId zone(String zone) {
    try {
      return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
