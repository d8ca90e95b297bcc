package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.oko.testing.ApiTest;

/**
 * A person in a real Chromium opens OKO, browses a region to an organization and sees its card.
 * Runs the Playwright script {@code frontend/e2e/browse.mjs} against this test's server. Never
 * skipped: without Chromium it fails and says how to install it.
 */
@Execution(ExecutionMode.CONCURRENT)
class BrowserJourneyTests extends ApiTest {

  private static final Path FRONTEND =
      Path.of(System.getProperty("oko.frontend.dir", "../frontend"));

  @Test
  void browsesFromARegionToAnOrganization() throws IOException, InterruptedException {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    assertThat(Files.isExecutable(chromium))
        .as(
            "Chromium is needed for browser tests: apt-get install -y chromium (or set CHROMIUM_PATH)")
        .isTrue();

    Path results = Files.createDirectories(FRONTEND.resolve("test-results"));
    Path log = results.resolve("browse.log");
    Process node =
        new ProcessBuilder("node", "e2e/browse.mjs", baseUrl())
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = node.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);

    assertThat(finished).as("the browser journey finished within 180 s").isTrue();
    assertThat(node.exitValue()).as("browser journey output:\n" + output).isZero();
    NodeJourney.assertNoCspViolation(output);
    // The journey's screenshots, kept by CI as artifacts (.ci/run).
    Path screenshots = FRONTEND.resolve("../backend/target/screenshots");
    try (var shots = Files.list(screenshots)) {
      assertThat(shots.filter(p -> p.getFileName().toString().startsWith("browse-")).count())
          .isGreaterThanOrEqualTo(3);
    }
  }
}
