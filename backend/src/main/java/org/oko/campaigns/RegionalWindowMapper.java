package org.oko.campaigns;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.oko.api.model.RegionalWindowList;
import org.oko.platform.web.ApiTimes;

/** A stage's regional windows and the generated API's. */
final class RegionalWindowMapper {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private RegionalWindowMapper() {}

  static RegionalWindowList toApi(Stage stage, List<RegionalWindow> items) {
    return new RegionalWindowList(
        CampaignMapper.toApi(stage), items.stream().map(RegionalWindowMapper::toApi).toList());
  }

  private static org.oko.api.model.RegionalWindow toApi(RegionalWindow w) {
    var api =
        new org.oko.api.model.RegionalWindow(
            w.regionCode(),
            w.regionName(),
            w.zone().getId(),
            w.own(),
            ApiTimes.utc(w.opensAt()),
            ApiTimes.utc(w.closesAt()),
            LOCAL.format(w.opensLocal()),
            LOCAL.format(w.closesLocal()));
    api.setSetBy(w.setBy());
    api.setSetAt(w.setAt() == null ? null : ApiTimes.utc(w.setAt()));
    return api;
  }
}
