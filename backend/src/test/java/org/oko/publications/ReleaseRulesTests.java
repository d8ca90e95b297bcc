package org.oko.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oko.platform.web.UnprocessableException;

/**
 * The rule of a release at local time across zones, including a configured zone with a
 * daylight-saving gap (Russia's zones have had none since 2014; the rule exists for a zone a
 * deployment configures).
 */
class ReleaseRulesTests {

  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void kaliningradMoscowAndKamchatkaEachOpenAtTheirOwnEightEarliestFirst() {
    Map<String, ZoneId> zones = new LinkedHashMap<>();
    zones.put("39", ZoneId.of("Europe/Kaliningrad"));
    zones.put("77", ZoneId.of("Europe/Moscow"));
    zones.put("41", ZoneId.of("Asia/Kamchatka"));

    var moments = ReleaseRules.moments(LocalDateTime.parse("2026-04-21T08:00"), zones, NOW);

    assertThat(moments)
        .extracting(ReleaseRules.RegionRelease::regionCode, ReleaseRules.RegionRelease::at)
        .containsExactly(
            // 08:00 on 21.04 in Камчатка is 20:00 UTC on 20.04: another date.
            org.assertj.core.groups.Tuple.tuple("41", Instant.parse("2026-04-20T20:00:00Z")),
            org.assertj.core.groups.Tuple.tuple("77", Instant.parse("2026-04-21T05:00:00Z")),
            org.assertj.core.groups.Tuple.tuple("39", Instant.parse("2026-04-21T06:00:00Z")));
  }

  @Test
  void aTimeThatAConfiguredZoneSkipsIsRefusedNamingTheRegion() {
    Map<String, ZoneId> zones = new LinkedHashMap<>();
    zones.put("77", ZoneId.of("Europe/Moscow"));
    zones.put("98", ZoneId.of("Europe/Berlin"));

    // 29.03.2026: Berlin's clocks jump from 02:00 to 03:00.
    assertThatThrownBy(
            () -> ReleaseRules.moments(LocalDateTime.parse("2026-03-29T02:30"), zones, NOW))
        .isInstanceOf(UnprocessableException.class)
        .satisfies(
            e ->
                assertThat(((UnprocessableException) e).problems())
                    .extracting(p -> p.message())
                    .containsExactly(
                        "Времени 29.03.2026 02:30 нет в часовом поясе региона 98"
                            + " (Europe/Berlin): в эту ночь часы переводятся. Укажите другое"
                            + " время."));
    assertThat(ReleaseRules.moments(LocalDateTime.parse("2026-03-29T03:30"), zones, NOW))
        .hasSize(2);
  }
}
