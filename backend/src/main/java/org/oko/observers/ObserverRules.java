package org.oko.observers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.oko.platform.web.FieldProblem;

/** The rules about observers that need no I/O: what makes an entry valid, where one may be sent. */
final class ObserverRules {

  static final int MAX_NAME = 200;
  static final int MAX_WORKPLACE = 300;
  private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,99}");

  private ObserverRules() {}

  /** A field of an observer that is wrong, by the field's key. */
  record Problem(String field, String value, String message) {}

  /** Every problem of an observer's entry (blank optional fields are fine). */
  static List<Problem> check(String fullName, String phone, String email, String workplace) {
    List<Problem> problems = new ArrayList<>();
    if (fullName == null || fullName.isBlank()) {
      problems.add(new Problem("fullName", fullName, "Укажите фамилию, имя и отчество"));
    } else if (fullName.strip().length() > MAX_NAME) {
      problems.add(new Problem("fullName", fullName, "Не длиннее " + MAX_NAME + " символов"));
    }
    if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
      problems.add(
          new Problem("phone", phone, "Телефон: от 5 до 30 цифр, пробелов, знаков + ( ) -"));
    }
    if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
      problems.add(new Problem("email", email, "Адрес электронной почты вида name@example.ru"));
    }
    if (workplace == null || workplace.isBlank()) {
      problems.add(new Problem("workplace", workplace, "Укажите место работы"));
    } else if (workplace.strip().length() > MAX_WORKPLACE) {
      problems.add(
          new Problem("workplace", workplace, "Не длиннее " + MAX_WORKPLACE + " символов"));
    }
    return problems;
  }

  static List<FieldProblem> asFields(List<Problem> problems) {
    return problems.stream()
        .map(p -> new FieldProblem(p.field(), p.message(), null, null, p.value()))
        .toList();
  }

  /**
   * Why an observer cannot be sent to a point, or null if they can: an independent observer never
   * goes to the organization where they work (seed 000).
   */
  static String refusal(ObserverInfo observer, long pointId) {
    if (observer.kind() == ObserverInfo.Kind.INDEPENDENT
        && observer.workplaceOrganization() != null
        && observer.workplaceOrganization().id() == pointId) {
      return "Независимый наблюдатель не может быть направлен в организацию, в которой он"
          + " работает («"
          + observer.workplaceOrganization().name()
          + "»). Выберите другой пункт или другого наблюдателя.";
    }
    return null;
  }

  /** Whether the observer's day has come (notes and acts are filed from the day on). */
  static boolean dayHasCome(LocalDate day, LocalDate today) {
    return !today.isBefore(day);
  }

  /** {@code null} becomes null, blank becomes null, anything else stripped. */
  static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
