package org.oko.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.oko.platform.security.Role;
import org.oko.platform.web.FieldProblem;

/** What a new account's fields must look like, explained in Russian. Pure. */
final class AccountRules {

  static final Pattern LOGIN = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,63}$");
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");

  private AccountRules() {}

  /** The fields as typed; {@link #problems} says what is wrong with them. */
  record Input(String login, String displayName, Role role, String phone, String email) {}

  /** A mobile phone as {@code +7XXXXXXXXXX}, or null when it is not one. */
  static String mobile(String typed) {
    String digits = typed.replaceAll("[\\s()\\-]", "");
    if (digits.startsWith("+7")) {
      digits = digits.substring(2);
    } else if ((digits.startsWith("8") || digits.startsWith("7")) && digits.length() == 11) {
      digits = digits.substring(1);
    }
    return digits.matches("9[0-9]{9}") ? "+7" + digits : null;
  }

  static String email(String typed) {
    String trimmed = typed.trim();
    return EMAIL.matcher(trimmed).matches() && trimmed.length() <= 254
        ? trimmed.toLowerCase(Locale.ROOT)
        : null;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Every problem with the fields; empty when they are fine. */
  static List<FieldProblem> problems(Input in) {
    List<FieldProblem> problems = new ArrayList<>();
    if (blank(in.login())) {
      problems.add(FieldProblem.of("login", "Укажите логин"));
    } else if (!LOGIN.matcher(in.login()).matches()) {
      problems.add(
          FieldProblem.of(
              "login",
              "Логин «"
                  + in.login()
                  + "» не подходит: от 3 до 64 строчных латинских букв, цифр, точек, дефисов и"
                  + " подчёркиваний, первая — буква или цифра"));
    }
    if (blank(in.displayName())) {
      problems.add(
          FieldProblem.of("displayName", "Укажите фамилию, имя и отчество (или должность)"));
    } else if (in.displayName().strip().length() > 200) {
      problems.add(FieldProblem.of("displayName", "Имя длиннее 200 знаков"));
    }
    if (!blank(in.phone()) && mobile(in.phone()) == null) {
      problems.add(
          FieldProblem.of(
              "phone",
              "Телефон «"
                  + in.phone()
                  + "» не похож на мобильный: укажите его в виде +7 9XX XXX-XX-XX"));
    }
    if (!blank(in.email()) && email(in.email()) == null) {
      problems.add(
          FieldProblem.of(
              "email", "Адрес «" + in.email() + "» не похож на электронную почту (имя@домен.ru)"));
    }
    if (in.role() == Role.REGIONAL) {
      // Seed 000: the regional coordinator's mobile phone and e-mail go to the federal organizer.
      if (blank(in.phone())) {
        problems.add(
            FieldProblem.of("phone", "Укажите мобильный телефон регионального координатора"));
      }
      if (blank(in.email())) {
        problems.add(
            FieldProblem.of("email", "Укажите электронную почту регионального координатора"));
      }
    }
    if (in.role() == Role.PARTICIPANT || in.role() == Role.API_CLIENT) {
      problems.add(
          FieldProblem.of(
              "role",
              "Учётные записи участников выдаются с комплектами, а региональные системы"
                  + " подключаются отдельно"));
    }
    return problems;
  }
}
