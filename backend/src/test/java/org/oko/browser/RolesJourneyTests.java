package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oko.testing.ApiTest;

/**
 * Every demo role as it meets the SPA in a real Chromium, at 360 and 1280 px ({@code
 * frontend/e2e/roles.mjs}, issue 21): each signs in through the login form, its home page's first
 * action leads to the open task (the municipality's «Выверка списка ОО» of the spring ВПР, seed 003
 * 8.2 — the municipality verifies the list of schools), and every item of its menu is opened. On
 * every page nothing scrolls sideways, nothing answers 403, no message shows a raw field path or
 * regular expression, and every time shown names its city. The main menu is one line at 1280 px on
 * every page, the rarer items behind «Ещё», and on a phone a «Меню» button opening every item
 * inside the window. The screenshots are kept in {@code backend/target/screenshots}.
 */
@Execution(ExecutionMode.CONCURRENT)
class RolesJourneyTests extends ApiTest {

  /** The accounts go in three shares, each its own Chromium, side by side (~25 s each). */
  @ParameterizedTest(name = "share {0}/3")
  @ValueSource(ints = {1, 2, 3})
  void everyRoleFindsItsTaskAndEveryMenuItemAtPhoneAndDeskWidths(int share) throws Exception {
    String log = NodeJourney.runLogged("roles-" + share, "roles", baseUrl(), share + "/3");

    List<String> logins =
        log.lines()
            .filter(line -> line.startsWith("accounts: "))
            .flatMap(line -> Stream.of(line.substring("accounts: ".length()).split(" ")))
            .toList();
    assertThat(logins).as("the share's accounts").isNotEmpty();
    Path shots = NodeJourney.FRONTEND.resolve("../backend/target/screenshots");
    try (Stream<Path> files = Files.list(shots)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("a screenshot of each role's home at both widths")
          .contains(
              logins.stream()
                  .flatMap(
                      login -> Stream.of(login + "-360-00-home.png", login + "-1280-00-home.png"))
                  .toArray(String[]::new));
    }
  }
}
