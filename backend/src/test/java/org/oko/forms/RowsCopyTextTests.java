package org.oko.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An upload's rows as lines of COPY's text format (issue 24: written as bytes, plain values as they
 * are): read back the way PostgreSQL reads them — COPY's escapes undone, the cells parsed as JSON —
 * every character a user can type in Excel is what was uploaded.
 */
class RowsCopyTextTests {

  private static final SheetSpec SHEET =
      new SheetSpec(
          "results",
          "Результаты",
          SheetSpec.Layout.TABLE,
          List.of(
              ColumnSpec.of("grade", "Класс", ColumnType.TEXT),
              ColumnSpec.of("code", "Код участника", ColumnType.PARTICIPANT_CODE),
              ColumnSpec.of("note", "Примечание", ColumnType.TEXT)),
          List.of(),
          SheetSpec.Prefill.NONE,
          null,
          null);

  @Test
  void everyCharacterOfAValueComesBackAsTyped() throws Exception {
    List<String[]> rows =
        List.of(
            new String[] {"4А", "10001", "обычный текст"},
            new String[] {"4\\а\t\"б\"", "10002", "строка\nвторая\r\nтретья"},
            new String[] {"5 «в»", null, "эмодзи 📘, управляющий \u0001 и \u007f"},
            new String[] {null, "10004", "C:\\Новая папка\\"});
    ByteBuf out = Unpooled.buffer();
    RowsCopyText.Lines lines = new RowsCopyText.Lines(42, 7, SHEET);
    for (int i = 0; i < rows.size(); i++) {
      lines.append(out, 1000 + i, rows.get(i));
    }
    String text = out.toString(StandardCharsets.UTF_8);

    String[] lineTexts = text.split("\n", -1);
    assertThat(lineTexts).hasSize(rows.size() + 1);
    assertThat(lineTexts[rows.size()]).isEmpty();
    for (int i = 0; i < rows.size(); i++) {
      String[] fields = lineTexts[i].split("\t", -1);
      assertThat(fields).hasSize(5);
      assertThat(fields[0]).isEqualTo("42");
      assertThat(fields[1]).isEqualTo("results");
      assertThat(fields[2]).isEqualTo(String.valueOf(1000 + i));
      assertThat(fields[4]).isEqualTo("7");
      Map<String, String> cells =
          new ObjectMapper().readValue(copyUnescaped(fields[3]), new TypeReference<>() {});
      Map<String, String> expected = new LinkedHashMap<>();
      String[] row = rows.get(i);
      for (int c = 0; c < row.length; c++) {
        if (row[c] != null) {
          expected.put(SHEET.columns().get(c).key(), row[c]);
        }
      }
      assertThat(cells).containsExactlyEntriesOf(expected);
    }
  }

  /** What COPY's text format does to a field: {@code \\} {@code \t} {@code \n} {@code \r}. */
  private static String copyUnescaped(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = field.charAt(++i);
      out.append(
          switch (next) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            default -> next;
          });
    }
    return out.toString();
  }
}
