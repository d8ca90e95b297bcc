package org.oko.demo;

import java.util.ArrayList;
import java.util.List;
import org.oko.orgs.NewOrganization;

/**
 * The demo regions, municipalities and organizations: deterministic, so every fresh start and every
 * test run sees the same logins (edu640001 is always the same school).
 */
final class DemoHierarchy {

  record DemoRegion(
      String code,
      String name,
      String timeZone,
      String schoolPrefix,
      String capital,
      String capitalAdjective,
      List<DemoMunicipality> municipalities) {}

  /**
   * @param urban a city district (all organizations in the city) or a rural one (towns, villages)
   * @param places the localities of the district, the first one being its centre
   */
  record DemoMunicipality(String name, boolean urban, List<String> places) {}

  static final List<DemoRegion> REGIONS =
      List.of(
          new DemoRegion(
              "64",
              "Саратовская область",
              "Europe/Saratov",
              "МОУ",
              "Саратов",
              "Саратовский",
              List.of(
                  new DemoMunicipality("Город Саратов", true, List.of("Саратов")),
                  new DemoMunicipality(
                      "Энгельсский муниципальный район",
                      false,
                      List.of("Энгельс", "Приволжский", "Безымянное", "Красный Яр")),
                  new DemoMunicipality(
                      "Балаковский муниципальный район",
                      false,
                      List.of("Балаково", "Натальино", "Быков Отрог", "Матвеевка")),
                  new DemoMunicipality(
                      "Вольский муниципальный район",
                      false,
                      List.of("Вольск", "Сенной", "Черкасское", "Куриловка")))),
          new DemoRegion(
              "02",
              "Республика Башкортостан",
              "Asia/Yekaterinburg",
              "МБОУ",
              "Уфа",
              "Уфимский",
              List.of(
                  new DemoMunicipality("Городской округ город Уфа", true, List.of("Уфа")),
                  new DemoMunicipality(
                      "Городской округ город Стерлитамак", true, List.of("Стерлитамак")),
                  new DemoMunicipality(
                      "Белорецкий район",
                      false,
                      List.of("Белорецк", "Инзер", "Тукан", "Железнодорожный")),
                  new DemoMunicipality(
                      "Туймазинский район",
                      false,
                      List.of("Туймазы", "Серафимовский", "Субханкулово", "Кандры")))),
          new DemoRegion(
              "25",
              "Приморский край",
              "Asia/Vladivostok",
              "МБОУ",
              "Владивосток",
              "Владивостокский",
              List.of(
                  new DemoMunicipality(
                      "Владивостокский городской округ", true, List.of("Владивосток")),
                  new DemoMunicipality("Уссурийский городской округ", true, List.of("Уссурийск")),
                  new DemoMunicipality(
                      "Находкинский городской округ", true, List.of("Находка", "Врангель")),
                  new DemoMunicipality(
                      "Партизанский муниципальный округ",
                      false,
                      List.of(
                          "Владимиро-Александровское", "Сергеевка", "Новицкое", "Екатериновка")))));

  static final int SCHOOLS_PER_MUNICIPALITY = 20;
  static final int POINTS_PER_MUNICIPALITY = 2;

  private static final String[] SCHOOL_TYPES = {
    "Средняя общеобразовательная школа", "Средняя общеобразовательная школа",
    "Основная общеобразовательная школа", "Гимназия",
    "Лицей", "Средняя общеобразовательная школа",
    "Начальная общеобразовательная школа"
  };

  private static final String[] STREETS = {
    "ул. Ленина", "ул. Советская", "ул. Школьная", "ул. Мира", "ул. Гагарина",
    "ул. Молодёжная", "ул. Садовая", "ул. Пушкина", "пр. Строителей", "ул. Победы"
  };

  private static final String[] COLLEGES = {
    "колледж промышленных технологий и автомобильного сервиса",
    "педагогический колледж",
    "медицинский колледж",
    "политехнический техникум",
    "колледж отраслевых технологий",
    "аграрный техникум",
    "колледж искусств",
    "строительный техникум"
  };

  private DemoHierarchy() {}

  /**
   * The organizations of one region. {@code municipalityIds} are the ids the municipalities of
   * {@code region} received, in the same order.
   */
  static List<NewOrganization> organizations(DemoRegion region, List<Long> municipalityIds) {
    var result = new ArrayList<NewOrganization>();
    var logins = new LoginSequence(region.code());
    for (int m = 0; m < region.municipalities().size(); m++) {
      DemoMunicipality municipality = region.municipalities().get(m);
      Long municipalityId = municipalityIds.get(m);
      for (int i = 0; i < SCHOOLS_PER_MUNICIPALITY; i++) {
        result.add(school(region, municipality, municipalityId, i, logins.next("edu")));
      }
      for (int i = 0; i < POINTS_PER_MUNICIPALITY; i++) {
        result.add(
            new NewOrganization(
                logins.point(),
                "Пункт проведения оценки № " + (i + 1) + " (" + locality(municipality, 0) + ")",
                "ASSESSMENT_POINT",
                region.code(),
                municipalityId,
                municipality.urban() ? "CITY" : "TOWN",
                List.of(),
                address(locality(municipality, 0), m * 31 + i)));
      }
    }
    String capital = "г. " + region.capital();
    for (int i = 0; i < COLLEGES.length; i++) {
      result.add(
          new NewOrganization(
              logins.next("spo"),
              "ГБПОУ «" + region.capitalAdjective() + " " + COLLEGES[i] + "»",
              "COLLEGE",
              region.code(),
              null,
              "CITY",
              List.of("VOCATIONAL"),
              address(capital, 200 + i)));
    }
    result.add(
        new NewOrganization(
            logins.next("edu"),
            "ГАОУ «Лицей-интернат для одарённых детей» " + capital,
            "SCHOOL",
            region.code(),
            null,
            "CITY",
            List.of("BASIC", "SECONDARY"),
            address(capital, 300)));
    result.add(
        new NewOrganization(
            logins.next("edu"),
            "ГБОУ «Кадетская школа-интернат № 1» " + capital,
            "SCHOOL",
            region.code(),
            null,
            "CITY",
            List.of("BASIC", "SECONDARY"),
            address(capital, 301)));
    result.add(
        new NewOrganization(
            logins.next("edu"),
            "ЧОУ «Православная гимназия во имя святых Кирилла и Мефодия» " + capital,
            "SCHOOL",
            region.code(),
            null,
            "CITY",
            List.of("PRIMARY", "BASIC", "SECONDARY"),
            address(capital, 302)));
    result.add(
        new NewOrganization(
            logins.next("rcoi"),
            "ГАУ «Региональный центр обработки информации» (" + region.name() + ")",
            "SCANNING_CENTRE",
            region.code(),
            null,
            "CITY",
            List.of(),
            address(capital, 400)));
    return result;
  }

  private static NewOrganization school(
      DemoRegion region, DemoMunicipality municipality, Long municipalityId, int i, String login) {
    String type = SCHOOL_TYPES[i % SCHOOL_TYPES.length];
    int placeIndex = municipality.urban() ? 0 : i % municipality.places().size();
    String settlement =
        municipality.urban() || placeIndex == 0 ? "CITY" : (i % 2 == 0 ? "TOWN" : "VILLAGE");
    List<String> levels =
        switch (type) {
          case "Начальная общеобразовательная школа" -> List.of("PRIMARY");
          case "Основная общеобразовательная школа" -> List.of("PRIMARY", "BASIC");
          default -> List.of("PRIMARY", "BASIC", "SECONDARY");
        };
    String name =
        region.schoolPrefix()
            + " «"
            + type
            + " № "
            + (i + 1)
            + "» "
            + locality(municipality, placeIndex);
    return new NewOrganization(
        login,
        name,
        "SCHOOL",
        region.code(),
        municipalityId,
        settlement,
        levels,
        address(locality(municipality, placeIndex), i));
  }

  private static String locality(DemoMunicipality municipality, int placeIndex) {
    String place = municipality.places().get(placeIndex);
    return (municipality.urban() || placeIndex == 0 ? "г. " : "с. ") + place;
  }

  private static String address(String locality, int n) {
    return locality + ", " + STREETS[n % STREETS.length] + ", д. " + (n % 97 + 1);
  }

  /**
   * Logins as the seeds show them: kind prefix, region code, a four-digit number per kind. An
   * assessment point signs in with an {@code edu} login like the school it sits in (seed {@code
   * 001_49f1e71760eb3e12.txt}: «логин ППО … edu***** или spo*******»); its numbers start at 5001 so
   * that they never meet the schools' own.
   */
  private static final class LoginSequence {
    private final String regionCode;
    private final java.util.Map<String, Integer> next = new java.util.HashMap<>();

    LoginSequence(String regionCode) {
      this.regionCode = regionCode;
    }

    String next(String prefix) {
      int n = next.merge(prefix, 1, Integer::sum);
      return prefix + regionCode + String.format("%04d", n);
    }

    String point() {
      int n = next.merge("point", 1, Integer::sum);
      return "edu" + regionCode + String.format("%04d", 5000 + n);
    }
  }
}
