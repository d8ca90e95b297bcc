package org.oko.campaigns;

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
 * A local time a region's zone skips is refused, naming the region (issue 20: "a release time that
 * does not exist in a zone"). Russia's zones have no gaps since 2014, so a zone with daylight
 * saving stands in: a region's zone is configuration.
 */
class RegionalWindowRulesTests {

  @Test
  void aTimeTheZoneSkipsIsRefusedForThatRegionOnly() {
    Map<String, ZoneId> zones = new LinkedHashMap<>();
    zones.put("64", ZoneId.of("Europe/Saratov"));
    zones.put("99", ZoneId.of("Europe/Berlin"));
    // 28.03.2027 02:30 does not exist in Berlin (clocks jump from 02:00 to 03:00).
    LocalDateTime gap = LocalDateTime.parse("2027-03-28T02:30");
    assertThatThrownBy(() -> RegionalWindowRules.moments(gap, gap.plusHours(10), zones))
        .isInstanceOf(UnprocessableException.class)
        .satisfies(
            e ->
                assertThat(((UnprocessableException) e).problems())
                    .extracting(p -> p.field() + ": " + p.message())
                    .containsExactly(
                        "opensLocal: Времени 28.03.2027 02:30 нет в часовом поясе региона 99"
                            + " (Europe/Berlin): в эту ночь часы переводятся. Укажите другое"
                            + " время."));
    assertThat(
            RegionalWindowRules.moments(
                    gap.plusHours(1), gap.plusHours(10), Map.of("99", ZoneId.of("Europe/Berlin")))
                .get(0)
                .opensAt())
        .isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
  }
}
