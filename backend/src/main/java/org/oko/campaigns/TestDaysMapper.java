package org.oko.campaigns;

import java.util.List;
import org.oko.api.model.TestDay;
import org.oko.api.model.TestDays;
import org.oko.orgs.OrganizationMapper;
import org.oko.platform.web.ApiTimes;

/** Test days between the API and the domain. */
final class TestDaysMapper {

  private TestDaysMapper() {}

  static List<ChosenDays.Day> fromApi(List<TestDay> in) {
    return in.stream().map(d -> new ChosenDays.Day(d.getSubjectKey(), null, d.getDate())).toList();
  }

  static TestDays toApi(ChosenDays chosen) {
    TestDays out =
        new TestDays(
            OrganizationMapper.brief(chosen.organization()),
            chosen.zone().getId(),
            chosen.from(),
            chosen.to(),
            chosen.days().stream()
                .map(
                    d -> {
                      TestDay day = new TestDay(d.subjectKey(), d.date());
                      day.setSubjectName(d.subjectName());
                      return day;
                    })
                .toList());
    out.setChosenBy(chosen.chosenBy());
    if (chosen.chosenAt() != null) {
      out.setChosenAt(ApiTimes.utc(chosen.chosenAt()));
    }
    return out;
  }
}
