package org.oko.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.nio.channels.ClosedChannelException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.CurrentCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * The one place that turns failures into RFC 9457 problem documents. Messages are Russian because
 * the SPA shows them as they are; stack traces never leave the server.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(NotFoundException.class)
  static ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Не найдено");
    return problem;
  }

  @ExceptionHandler(AccessDeniedException.class)
  static ProblemDetail accessDenied(AccessDeniedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Доступ запрещён");
    return problem;
  }

  @ExceptionHandler(CurrentCaller.UnauthenticatedException.class)
  static ProblemDetail unauthenticated(CurrentCaller.UnauthenticatedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    problem.setTitle("Требуется вход");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  static ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Конфликт");
    return problem;
  }

  @ExceptionHandler(UnprocessableException.class)
  static ProblemDetail unprocessable(UnprocessableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setTitle("Данные не приняты");
    problem.setProperty("errors", e.problems().stream().map(ProblemHandler::asError).toList());
    return problem;
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  static ProblemDetail tooLarge(PayloadTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    problem.setTitle("Слишком большой файл");
    return problem;
  }

  @ExceptionHandler(UnsupportedTypeException.class)
  static ProblemDetail unsupportedType(UnsupportedTypeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    problem.setTitle("Недопустимый тип файла");
    return problem;
  }

  @ExceptionHandler(InvalidRequestException.class)
  static ProblemDetail invalidRequest(InvalidRequestException e) {
    return badRequest(List.of(error(e.field(), e.getMessage())));
  }

  /** Bean-validation failures raised by the method-validation proxy of a controller. */
  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    List<Map<String, String>> errors =
        e.getConstraintViolations().stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(v -> error(leafName(v), v.getMessage()))
            .toList();
    return badRequest(errors);
  }

  @ExceptionHandler(Exception.class)
  static Mono<ResponseEntity<ProblemDetail>> unexpected(Exception e, ServerWebExchange exchange) {
    if (exchange.getResponse().isCommitted()) {
      // The answer was already under way: nothing can be told to the client any more. Mostly a
      // download the client broke off or stopped reading (oko.http.send-timeout) — a stack trace
      // for each such client would flood the log.
      if (clientGone(e)) {
        log.debug(
            "{} ended, the client is gone: {}", exchange.getRequest().getPath(), e.toString());
      } else {
        log.warn("{} failed after its response had started", exchange.getRequest().getPath(), e);
      }
      return Mono.empty();
    }
    ProblemDetail problem = unexpectedProblem(e);
    return Mono.just(
        ResponseEntity.status(problem.getStatus()).headers(headersFor(problem)).body(problem));
  }

  private static boolean clientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClosedChannelException) {
        return true;
      }
    }
    return DisconnectedClientHelper.isClientDisconnectedException(e);
  }

  /**
   * What is not the request's fault: the database away for a moment (503, retry in a few seconds),
   * the file store full (507, nothing stored), or a bug (500, logged).
   */
  private static ProblemDetail unexpectedProblem(Exception e) {
    if (Outages.databaseUnavailable(e)) {
      log.warn("Database unavailable: {}", e.toString());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Сервер временно недоступен. Ничего не сохранено; повторите через несколько секунд.");
      problem.setTitle("Сервер временно недоступен");
      return problem;
    }
    if (Outages.storageFull(e)) {
      log.error("The file store is full: {}", e.toString());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.INSUFFICIENT_STORAGE,
              "На сервере закончилось место для файлов. Файл не сохранён; повторите позже.");
      problem.setTitle("Нет места для файлов");
      return problem;
    }
    log.error("Unhandled error", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Внутренняя ошибка сервера. Повторите попытку позже.");
    problem.setTitle("Внутренняя ошибка");
    return problem;
  }

  /** Headers that go with a problem: when to retry, if the server is away for a moment. */
  static HttpHeaders headersFor(ProblemDetail problem) {
    HttpHeaders headers = new HttpHeaders();
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Outages.RETRY_AFTER.toSeconds()));
    }
    return headers;
  }

  /** The same problem for a failure outside annotated controllers (functional routes). */
  static ProblemDetail problemFor(Throwable e) {
    if (e instanceof NotFoundException n) return notFound(n);
    if (e instanceof AccessDeniedException a) return accessDenied(a);
    if (e instanceof CurrentCaller.UnauthenticatedException u) return unauthenticated(u);
    if (e instanceof InvalidRequestException i) return invalidRequest(i);
    if (e instanceof ConflictException c) return conflict(c);
    if (e instanceof UnprocessableException u) return unprocessable(u);
    if (e instanceof PayloadTooLargeException t) return tooLarge(t);
    if (e instanceof UnsupportedTypeException t) return unsupportedType(t);
    return unexpectedProblem(e instanceof Exception ex ? ex : new RuntimeException(e));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<Map<String, String>> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            err ->
                                error(
                                    parameterName(result.getMethodParameter()),
                                    err.getDefaultMessage())))
            .toList();
    return Mono.just(ResponseEntity.badRequest().body(badRequest(errors)));
  }

  /**
   * A JSON body over the codecs' in-memory limit (Spring answers 413 before the controller runs):
   * the same problem as an upload over its limit, in Russian.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleResponseStatusException(
      org.springframework.web.server.ResponseStatusException e,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONTENT_TOO_LARGE,
              "Запрос больше допустимого размера: ничего не сохранено. Сократите данные (например,"
                  + " слишком длинный текст) и повторите.");
      problem.setTitle("Слишком большой запрос");
      return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem));
    }
    return super.handleResponseStatusException(e, headers, status, exchange);
  }

  /** A request body that breaks the spec's constraints (bean validation of the model). */
  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException e,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<Map<String, String>> errors =
        e.getFieldErrors().stream()
            .map(err -> error(err.getField(), String.valueOf(err.getDefaultMessage())))
            .toList();
    return Mono.just(ResponseEntity.badRequest().body(badRequest(errors)));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException e,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    MethodParameter parameter = e.getMethodParameter();
    String name = parameter == null ? "запрос" : parameterName(parameter);
    String message = "недопустимое значение";
    return Mono.just(ResponseEntity.badRequest().body(badRequest(List.of(error(name, message)))));
  }

  private static ProblemDetail badRequest(List<Map<String, String>> errors) {
    String detail =
        errors.stream()
            .map(err -> "«" + err.get("field") + "»: " + err.get("message"))
            .reduce((a, b) -> a + "; " + b)
            .map(s -> "Неверный параметр запроса " + s)
            .orElse("Неверный запрос");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Неверный запрос");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static Map<String, Object> asError(FieldProblem p) {
    var error = new java.util.LinkedHashMap<String, Object>();
    if (p.field() != null) error.put("field", p.field());
    error.put("message", p.message());
    if (p.sheet() != null) error.put("sheet", p.sheet());
    if (p.cell() != null) error.put("cell", p.cell());
    if (p.value() != null) error.put("value", p.value());
    if (p.row() != null) error.put("row", p.row());
    if (p.column() != null) error.put("column", p.column());
    return error;
  }

  private static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  private static String parameterName(MethodParameter parameter) {
    var requestParam =
        parameter.getParameterAnnotation(
            org.springframework.web.bind.annotation.RequestParam.class);
    if (requestParam != null && !requestParam.value().isEmpty()) {
      return requestParam.value();
    }
    var pathVariable =
        parameter.getParameterAnnotation(
            org.springframework.web.bind.annotation.PathVariable.class);
    if (pathVariable != null && !pathVariable.value().isEmpty()) {
      return pathVariable.value();
    }
    String name = parameter.getParameterName();
    return name == null ? "запрос" : name;
  }

  private static String leafName(ConstraintViolation<?> violation) {
    String name = "запрос";
    for (Path.Node node : violation.getPropertyPath()) {
      name = node.getName();
    }
    return name;
  }
}
