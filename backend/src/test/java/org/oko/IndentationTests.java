package org.oko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md "Size": nothing indented past 8 levels. google-java-format indents a block
 * by 2 spaces and a continuation by 4, so a lambda inside a call costs 8 (the argument's 4, the
 * body's 4) and a level here is 4 spaces: a line indented more than {@value #MAX_INDENT} spaces is
 * a chain nested too deep — name its steps (a method per step, a record for what they pass). Text
 * blocks (SQL) are laid out by hand and not counted. No file is exempt (issue 16 took the last ones
 * off the list there was).
 */
class IndentationTests {

  static final int MAX_INDENT = 32;

  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void noMainLineIsIndentedPastTheLimit() {
    assertThat(tooDeep())
        .as(
            "main files with lines indented more than %d spaces: name the steps (line numbers by"
                + " file)",
            MAX_INDENT)
        .isEmpty();
  }

  @Test
  void aDeepLineIsFoundAndATextBlockIsNot() {
    List<String> source =
        List.of(
            "class A {",
            "  void a() {",
            "    String sql =",
            "        \"\"\"",
            "                                         select deep from sql",
            "        \"\"\";",
            "    x.flatMap(",
            "                                      y -> y);",
            "  }",
            "}");
    assertThat(deepLines(source)).containsExactly(8);
  }

  private static Map<String, List<Integer>> tooDeep() {
    Map<String, List<Integer>> deep = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .forEach(
              p -> {
                List<Integer> lines = deepLines(read(p));
                if (!lines.isEmpty()) {
                  deep.put(MAIN.relativize(p).toString().replace('\\', '/'), lines);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deep;
  }

  /** The numbers (from 1) of the lines indented past the limit, text blocks left out. */
  static List<Integer> deepLines(List<String> source) {
    List<Integer> deep = new java.util.ArrayList<>();
    boolean inTextBlock = false;
    for (int i = 0; i < source.size(); i++) {
      String line = source.get(i);
      boolean togglesTextBlock = countOf(line, "\"\"\"") % 2 == 1;
      if (inTextBlock) {
        inTextBlock = !togglesTextBlock;
        continue;
      }
      inTextBlock = togglesTextBlock;
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      if (indent < line.length() && indent > MAX_INDENT) {
        deep.add(i + 1);
      }
    }
    return deep;
  }

  private static int countOf(String line, String what) {
    int n = 0;
    for (int at = line.indexOf(what); at >= 0; at = line.indexOf(what, at + what.length())) {
      n++;
    }
    return n;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
