package org.oko.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.identity.NewAccount;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.FieldProblem;

/**
 * Checks every row of a bulk file against the same rules as one account ({@link AccountRules},
 * {@link AccountAccess}) and says, by sheet and cell, everything that is wrong. Pure: the places
 * and taken logins are looked up beforehand.
 */
final class AccountImportRules {

  /** What the rows name, looked up at once. */
  record Places(
      Set<String> regions,
      Map<String, AccountPlaceStore.Municipality> municipalities,
      Map<String, OrganizationRef> organizations,
      Set<String> takenLogins) {}

  /** The accounts to create, or the problems (then nothing is created). */
  record Outcome(List<NewAccount> accounts, List<FieldProblem> problems) {}

  private static final Map<String, String> COLUMNS =
      Map.of(
          "login", "A",
          "displayName", "B",
          "role", "C",
          "regionCode", "D",
          "municipality", "E",
          "organization", "F",
          "phone", "G",
          "email", "H");

  private AccountImportRules() {}

  static Outcome check(Caller caller, List<AccountsWorkbook.Line> lines, Places places) {
    Visibility scope = Visibility.of(caller);
    Set<Role> grantable = AccountAccess.grantable(caller.role());
    List<NewAccount> accounts = new ArrayList<>(lines.size());
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (AccountsWorkbook.Line line : lines) {
      List<FieldProblem> here = new ArrayList<>();
      Role role = AccountsWorkbook.role(line.role());
      for (FieldProblem p :
          AccountRules.problems(
              new AccountRules.Input(
                  line.login(), line.displayName(), role, line.phone(), line.email()))) {
        here.add(at(line, p.field(), column(line, p.field()), p.message()));
      }
      if (role == null) {
        here.add(
            at(
                line,
                "role",
                line.role(),
                line.role() == null
                    ? "Укажите роль"
                    : "Роль «" + line.role() + "» неизвестна: выберите её из списка"));
      } else if (!grantable.contains(role)) {
        here.add(
            at(
                line,
                "role",
                line.role(),
                "Вы не можете выдавать роль «" + AccountsWorkbook.label(role) + "»"));
      }
      if (line.login() != null) {
        Integer earlier = seen.putIfAbsent(line.login(), line.row());
        if (earlier != null) {
          here.add(at(line, "login", line.login(), "Логин уже встречается в строке " + earlier));
        } else if (places.takenLogins().contains(line.login())) {
          here.add(
              at(
                  line,
                  "login",
                  line.login(),
                  "Логин «" + line.login() + "» уже занят: выберите другой"));
        }
      }
      NewAccount account =
          here.isEmpty() && role != null ? place(caller, scope, line, role, places, here) : null;
      if (here.isEmpty() && account != null) {
        accounts.add(account);
      }
      problems.addAll(here);
    }
    return new Outcome(accounts, problems);
  }

  private static NewAccount place(
      Caller caller,
      Visibility scope,
      AccountsWorkbook.Line line,
      Role role,
      Places places,
      List<FieldProblem> here) {
    String region = line.regionCode() != null ? line.regionCode() : caller.regionCode();
    Long municipality = null;
    Long organization = null;
    if (role == Role.FEDERAL) {
      region = null;
    } else if (region == null) {
      here.add(at(line, "regionCode", null, "Укажите код региона"));
      return null;
    } else if (!places.regions().contains(region) || !scope.seesRegion(region)) {
      here.add(
          at(
              line,
              "regionCode",
              region,
              "Регион «" + region + "» вне вашей зоны или не существует"));
      return null;
    }
    if (role == Role.MUNICIPAL) {
      AccountPlaceStore.Municipality m =
          line.municipality() == null
              ? null
              : places.municipalities().get(AccountPlaceStore.key(region, line.municipality()));
      if (m == null || !scope.seesMunicipality(m.regionCode(), m.id())) {
        here.add(
            at(
                line,
                "municipality",
                line.municipality(),
                line.municipality() == null
                    ? "Укажите муниципалитет координатора"
                    : "Муниципалитета «" + line.municipality() + "» нет в регионе " + region));
        return null;
      }
      municipality = m.id();
    }
    if (line.organization() != null || role == Role.ORGANIZATION) {
      OrganizationRef o =
          line.organization() == null ? null : places.organizations().get(line.organization());
      if (o == null || !scope.seesOrganization(o) || !o.regionCode().equals(region)) {
        here.add(
            at(
                line,
                "organization",
                line.organization(),
                line.organization() == null
                    ? "Укажите логин организации сотрудника"
                    : "Организации «"
                        + line.organization()
                        + "» нет в вашей зоне в регионе "
                        + region));
        return null;
      }
      organization = o.id();
      municipality = o.municipalityId();
    }
    return new NewAccount(
        line.login(),
        line.displayName().strip(),
        role,
        region,
        municipality,
        organization,
        line.phone() == null ? null : AccountRules.mobile(line.phone()),
        line.email() == null ? null : AccountRules.email(line.email()),
        caller.login());
  }

  private static String column(AccountsWorkbook.Line line, String field) {
    return switch (field) {
      case "login" -> line.login();
      case "displayName" -> line.displayName();
      case "phone" -> line.phone();
      case "email" -> line.email();
      default -> line.role();
    };
  }

  private static FieldProblem at(
      AccountsWorkbook.Line line, String field, String value, String message) {
    String letter = COLUMNS.getOrDefault(field, "C");
    String title = AccountsWorkbook.TITLES[letter.charAt(0) - 'A'];
    return FieldProblem.inCell(
        AccountsWorkbook.SHEET,
        letter + line.row(),
        value,
        "Строка " + line.row() + ", столбец «" + title + "»: " + message);
  }
}
