package org.oko.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The forum's stored tally (V38, issue 22's benchmark: the section list counted every question on
 * every read). The counts a reader sees in the section list and a list's total follow every change
 * of a question — asked, answered, hidden, merged, in a region's own thread — as counting the rows
 * would, for each kind of reader.
 */
class ForumTallyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void theSectionCountsAndListTotalsFollowEveryChangeOfAQuestionForEveryReader() {
    ForumFixture fixture = new ForumFixture(client, db);
    long campaign = fixture.campaign("Форум: подсчёт вопросов");
    long section = fixture.section(campaign, "Протоколы", false);
    long other = fixture.section(campaign, "Сканирование", false);
    long first = ForumFixture.ask(as("region64"), section, "Первый", "Как заполнить протокол?");
    long second = ForumFixture.ask(as("region02"), section, "Второй", "Где шаблон протокола?");
    long duplicate = ForumFixture.ask(as("region02"), section, "Третий", "Где взять шаблон?");
    long hidden = ForumFixture.ask(as("region64"), section, "Спам", "Реклама");
    ForumFixture.ask(as("mun64-engels"), section, "В регион", "Нет связи со школой", true);
    ForumFixture.ask(as("region64"), other, "Сканы", "Какое разрешение?");

    // Region 64's own thread is not the federal organizer's (seed 003 10.2).
    assertCounts("federal", campaign, section, 4, 4);
    ForumFixture.answer(client, first, "Заполняйте по инструкции.");
    patch("/api/forum/questions/" + hidden, "{\"hidden\":true}");
    client
        .post()
        .uri("/api/forum/questions/" + duplicate + "/merge")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"intoQuestionId\":" + second + "}")
        .exchange()
        .expectStatus()
        .isOk();

    // Common thread: «Первый» answered, «Второй» open; «Спам» only for the federal moderator;
    // region 64's own thread only for region 64's organizers; the merged one for nobody.
    assertCounts("federal", campaign, section, 3, 2);
    assertCounts("region02", campaign, section, 2, 1);
    assertCounts("region64", campaign, section, 3, 2);
    assertCounts("mun64-engels", campaign, section, 3, 2);
    assertCounts("region64", campaign, other, 1, 1);

    // Unhidden, it counts for everyone again; an answer in the regional thread closes it.
    patch("/api/forum/questions/" + hidden, "{\"hidden\":false}");
    assertCounts("region02", campaign, section, 3, 2);
    assertThat(total("region64", "campaignId=" + campaign)).isEqualTo(5);
    assertThat(total("region64", "campaignId=" + campaign + "&regional=true")).isEqualTo(1);
    assertThat(total("region02", "campaignId=" + campaign + "&status=ANSWERED")).isEqualTo(1);
    assertThat(total("region64", "campaignId=" + campaign + "&mine=true")).isEqualTo(3);
  }

  /** The section list's counts, and the list's totals with the same filters, as this reader. */
  private void assertCounts(String login, long campaign, long section, long all, long open) {
    Map<String, Object> seen =
        sections(login, campaign).stream()
            .filter(s -> ((Number) s.get("id")).longValue() == section)
            .findFirst()
            .orElseThrow();
    assertThat(List.of(seen.get("questions"), seen.get("openQuestions")))
        .as("%s's section list", login)
        .containsExactly((int) all, (int) open);
    String filter = "campaignId=" + campaign + "&sectionId=" + section;
    assertThat(List.of(total(login, filter), total(login, filter + "&status=OPEN")))
        .as("%s's list totals", login)
        .containsExactly(all, open);
    assertThat(total(login, filter + "&status=ANSWERED")).isEqualTo(all - open);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> sections(String login, long campaign) {
    return as(login)
        .get()
        .uri("/api/forum/sections?campaignId=" + campaign)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(Map.class)
        .returnResult()
        .getResponseBody()
        .stream()
        .map(m -> (Map<String, Object>) m)
        .toList();
  }

  private long total(String login, String query) {
    return ((Number)
            as(login)
                .get()
                .uri("/api/forum/questions?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("totalItems"))
        .longValue();
  }

  private void patch(String uri, String body) {
    client
        .patch()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk();
  }
}
