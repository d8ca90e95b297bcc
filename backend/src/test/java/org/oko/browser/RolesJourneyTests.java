package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
class RolesJourneyTests extends ApiTest {

  @Test
  void everyRoleFindsItsTaskAndEveryMenuItemAtPhoneAndDeskWidths() throws Exception {
    NodeJourney.run("roles", baseUrl());

    Path shots = NodeJourney.FRONTEND.resolve("../backend/target/screenshots");
    try (Stream<Path> files = Files.list(shots)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("a screenshot of each role's home at both widths")
          .contains("mun64-engels-360-00-home.png", "mun64-engels-1280-00-home.png")
          .contains("edu640001-360-00-home.png", "observer64-1280-00-home.png");
    }
  }
}
