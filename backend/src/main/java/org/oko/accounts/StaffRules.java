package org.oko.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.orgs.Visibility;
import org.oko.platform.web.FieldProblem;

/**
 * Checks every row of a staff register file (seed 000_c9abf0b417e3d9bf.txt) and says, by sheet and
 * cell, everything that is wrong. Pure: the organizations the rows name are looked up beforehand.
 */
final class StaffRules {

  /** An organization a row names, and whether the campaign's published sample includes it. */
  record Named(long id, String login, String regionCode, Long municipalityId, boolean sampled) {}

  /** The people to store by organization (every organization named), or the problems. */
  record Outcome(
      Map<Long, Named> organizations, List<StaffMember> members, List<FieldProblem> problems) {}

  private StaffRules() {}

  static Outcome check(Visibility scope, List<StaffWorkbook.Line> lines, Map<String, Named> found) {
    Map<Long, Named> organizations = new LinkedHashMap<>();
    List<StaffMember> members = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (StaffWorkbook.Line line : lines) {
      if (line.unfilled()) {
        continue; // a line of the template left empty
      }
      List<FieldProblem> here = new ArrayList<>();
      Named organization = organization(scope, line, found, here);
      StaffDuty duty = StaffDuty.typed(line.duty());
      if (duty == null) {
        here.add(
            at(
                line,
                StaffWorkbook.DUTY,
                line.duty(),
                line.duty() == null
                    ? "Укажите, кем назначен работник"
                    : "«"
                        + line.duty()
                        + "» — не должность в исследовании: выберите её из списка"));
      }
      String name = line.fullName();
      if (AccountRules.blank(name)) {
        here.add(at(line, StaffWorkbook.NAME, null, "Укажите фамилию, имя и отчество"));
      } else if (name.length() > 200) {
        here.add(at(line, StaffWorkbook.NAME, name, "ФИО длиннее 200 знаков"));
      }
      String phone = line.phone() == null ? null : AccountRules.mobile(line.phone());
      if (line.phone() != null && phone == null) {
        here.add(
            at(
                line,
                StaffWorkbook.PHONE,
                line.phone(),
                "Телефон «" + line.phone() + "» не похож на мобильный: +7 9XX XXX-XX-XX"));
      }
      String email = line.email() == null ? null : AccountRules.email(line.email());
      if (line.email() != null && email == null) {
        here.add(
            at(
                line,
                StaffWorkbook.EMAIL,
                line.email(),
                "Адрес «" + line.email() + "» не похож на электронную почту (имя@домен.ru)"));
      }
      if (here.isEmpty()) {
        organizations.put(organization.id(), organization);
        members.add(new StaffMember(organization.id(), duty, name, phone, email));
      }
      problems.addAll(here);
    }
    if (problems.isEmpty() && members.isEmpty()) {
      problems.add(
          FieldProblem.inCell(
              StaffWorkbook.SHEET,
              "C2",
              null,
              "В файле нет ни одного работника: заполните ФИО и должность хотя бы в одной строке"));
    }
    return new Outcome(organizations, members, problems);
  }

  private static Named organization(
      Visibility scope,
      StaffWorkbook.Line line,
      Map<String, Named> found,
      List<FieldProblem> here) {
    String login = line.organization();
    Named named = login == null ? null : found.get(login);
    if (login == null) {
      here.add(at(line, StaffWorkbook.ORGANIZATION, null, "Укажите логин организации"));
    } else if (named == null
        || !scope.seesOrganization(named.id(), named.regionCode(), named.municipalityId())) {
      here.add(
          at(
              line,
              StaffWorkbook.ORGANIZATION,
              login,
              "Организации «" + login + "» нет в вашей зоне"));
      return null;
    } else if (!named.sampled()) {
      here.add(
          at(
              line,
              StaffWorkbook.ORGANIZATION,
              login,
              "Организация «" + login + "» не входит в опубликованную выборку этой кампании"));
      return null;
    }
    return named;
  }

  private static FieldProblem at(
      StaffWorkbook.Line line, int column, String value, String message) {
    return FieldProblem.inCell(
        StaffWorkbook.SHEET,
        StaffWorkbook.LETTERS[column] + line.row(),
        value,
        "Строка " + line.row() + ", столбец «" + StaffWorkbook.TITLES[column] + "»: " + message);
  }
}
