package org.oko.scans;

import java.util.Optional;
import org.oko.platform.web.RussianPlural;
import org.oko.scans.SchemeDirectory.Scheme;
import org.oko.scans.ValidationStore.Outcome;
import org.oko.scans.ValidationStore.Sheet;

/**
 * What a readable sheet must say about itself to be accepted: a kit (or participant code) and a
 * page that fit the campaign, and no second accepted copy of its page. Each refusal names what to
 * do in Russian.
 */
final class SheetRules {

  private SheetRules() {}

  /** Whether the sheet says which kit and page it is. */
  static boolean identified(Sheet sheet) {
    return sheet.kitNumber() != null && sheet.page() != null;
  }

  static Outcome unidentified(Sheet sheet, Outcome outcome) {
    return outcome.withProblem(
        "UNIDENTIFIED",
        "Не удалось определить "
            + (omk(sheet) ? "номер комплекта" : "код участника")
            + " и номер страницы — назовите файл по шаблону «номер_страница» (например,"
            + " 501501_1.png) или укажите их в манифесте и загрузите файл взамен этого");
  }

  /** The page within the subject's scheme (without a scheme, only not below 1). */
  static Outcome page(Sheet sheet, Outcome outcome, Optional<Scheme> scheme) {
    if (scheme.isEmpty()) {
      return sheet.page() < 1
          ? outcome.withProblem(
              "PAGE_OUT_OF_RANGE", "Номер страницы должен быть не меньше 1 — проверьте имя файла")
          : outcome;
    }
    int pages = scheme.get().pages();
    return sheet.page() < 1 || sheet.page() > pages
        ? outcome.withProblem(
            "PAGE_OUT_OF_RANGE",
            "Страницы "
                + sheet.page()
                + " нет в бланке: в работе по этому предмету "
                + pages
                + " "
                + RussianPlural.of(pages, "страница", "страницы", "страниц")
                + " — проверьте номер страницы в имени файла")
        : outcome;
  }

  /** Whether the kit is one the organization was given (ОМК campaigns only). */
  static boolean kitsIssued(Sheet sheet) {
    return omk(sheet);
  }

  /** A participant code of another campaign kind: 1 to 12 digits. */
  static Outcome participantCode(Sheet sheet, Outcome outcome) {
    long kit = sheet.kitNumber();
    return kit >= 1 && kit <= 999_999_999_999L
        ? outcome
        : outcome.withProblem(
            "UNKNOWN_KIT",
            "Код участника "
                + kit
                + " неверен: нужно от 1 до 12 цифр — проверьте имя файла или манифест");
  }

  /** An issued kit, given to the sheet's organization; {@code owner} empty when never issued. */
  static Outcome issuedKit(Sheet sheet, Outcome outcome, Optional<Long> owner) {
    long kit = sheet.kitNumber();
    if (owner.isEmpty()) {
      return outcome.withProblem(
          "UNKNOWN_KIT",
          "Комплект "
              + kit
              + " не выдавался ни одному пункту проведения по этому предмету — проверьте"
              + " номер комплекта в имени файла или манифесте");
    }
    return owner.get() == sheet.organizationId()
        ? outcome
        : outcome.withProblem(
            "FOREIGN_KIT",
            "Комплект "
                + kit
                + " выдан другому пункту проведения — проверьте номер комплекта"
                + " или загрузите лист в партию того пункта");
  }

  /** The page already has an accepted sheet. */
  static Outcome duplicate(Sheet sheet, Outcome outcome) {
    return outcome.withProblem(
        "DUPLICATE_PAGE",
        "Страница "
            + sheet.page()
            + " комплекта "
            + sheet.kitNumber()
            + " уже загружена и принята — если это исправленный скан, загрузите его как замену"
            + " принятого листа, иначе удалите лишний файл из партии");
  }

  private static boolean omk(Sheet sheet) {
    return "OMK".equals(sheet.campaignKind());
  }
}
