package org.oko.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem documents (RFC 9457) every handler of {@code platform.web} answers with: a titled
 * problem, a 400 with its field errors listed, a 422's errors with sheet and cell, and the failures
 * that are not the request's fault.
 */
final class Problems {

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  static ProblemDetail badRequest(List<BadInput.Error> errors) {
    boolean allNamed = errors.stream().allMatch(err -> err.field() != null);
    String listed =
        errors.stream()
            .map(
                err ->
                    err.field() == null ? err.message() : "«" + err.field() + "»: " + err.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    String detail =
        errors.isEmpty()
            ? "Неверный запрос"
            : (allNamed ? "Неверный параметр запроса " : "Неверный запрос: ") + listed;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Неверный запрос");
    problem.setProperty("errors", errors.stream().map(Problems::asError).toList());
    return problem;
  }

  static Map<String, Object> asError(BadInput.Error e) {
    var error = new LinkedHashMap<String, Object>();
    if (e.field() != null) error.put("field", e.field());
    error.put("message", e.message());
    if (e.allowed() != null) error.put("allowed", e.allowed());
    return error;
  }

  static Map<String, Object> asError(FieldProblem p) {
    var error = new LinkedHashMap<String, Object>();
    if (p.field() != null) error.put("field", p.field());
    error.put("message", p.message());
    if (p.sheet() != null) error.put("sheet", p.sheet());
    if (p.cell() != null) error.put("cell", p.cell());
    if (p.value() != null) error.put("value", p.value());
    if (p.row() != null) error.put("row", p.row());
    if (p.column() != null) error.put("column", p.column());
    return error;
  }

  /**
   * What is not the request's fault: the database away for a moment (503, retry in a few seconds),
   * the file store full (507, nothing stored), or a bug (500, logged).
   */
  static ProblemDetail unexpected(Exception e) {
    if (Outages.databaseUnavailable(e)) {
      log.warn("Database unavailable: {}", e.toString());
      return problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Сервер временно недоступен",
          "Сервер временно недоступен. Ничего не сохранено; повторите через несколько секунд.");
    }
    if (Outages.storageFull(e)) {
      log.error("The file store is full: {}", e.toString());
      return problem(
          HttpStatus.INSUFFICIENT_STORAGE,
          "Нет места для файлов",
          "На сервере закончилось место для файлов. Файл не сохранён; повторите позже.");
    }
    log.error("Unhandled error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Внутренняя ошибка",
        "Внутренняя ошибка сервера. Повторите попытку позже.");
  }
}
