package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one browser journey (frontend/e2e/NAME.mjs, Playwright and Chromium) and asserts it passed.
 */
final class NodeJourney {

  static final Path FRONTEND = Path.of(System.getProperty("oko.frontend.dir", "../frontend"));

  private NodeJourney() {}

  static void requireChromium() {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    assertThat(Files.isExecutable(chromium))
        .as("Chromium is needed: apt-get install -y chromium (or set CHROMIUM_PATH)")
        .isTrue();
  }

  /**
   * Runs {@code e2e/<name>.mjs} with {@code args}; its output goes to the console and to {@code
   * test-results/<name>.log}, and is shown when it fails or takes over a minute.
   */
  static String run(String name, String... args) throws IOException, InterruptedException {
    return runLogged(name, name, args);
  }

  /**
   * Runs {@code e2e/<script>.mjs} like {@link #run}, its output kept in {@code
   * test-results/<log>.log}: for runs of one script side by side.
   */
  static String runLogged(String log, String script, String... args)
      throws IOException, InterruptedException {
    requireChromium();
    Path results = Files.createDirectories(FRONTEND.resolve("test-results"));
    List<String> command = new ArrayList<>(List.of("node", "e2e/" + script + ".mjs"));
    command.addAll(List.of(args));
    Process node =
        new ProcessBuilder(command).directory(FRONTEND.toFile()).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (var lines =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        output.add(line);
        // Named, since journeys run side by side and their lines interleave.
        System.out.println("[" + log + "] " + line);
      }
    }
    boolean finished = node.waitFor(60, TimeUnit.SECONDS);
    String text = String.join("\n", output);
    Files.writeString(results.resolve(log + ".log"), text);
    assertThat(finished).as("the journey finished").isTrue();
    assertThat(node.exitValue()).as("browser journey output:\n" + text).isZero();
    assertNoCspViolation(text);
    return text;
  }

  /**
   * The page broke none of OKO's Content-Security-Policy: the journey's own check (support.mjs)
   * fails it on the first report, and this one catches any Chromium logged that slipped past.
   */
  static void assertNoCspViolation(String log) {
    assertThat(log)
        .as("Content-Security-Policy violations in the browser journey")
        .doesNotContain("Content Security Policy")
        .doesNotContain("CSP violation");
  }
}
