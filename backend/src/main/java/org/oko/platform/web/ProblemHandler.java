package org.oko.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.nio.channels.ClosedChannelException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.CurrentCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsatisfiedRequestParameterException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

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

  @ExceptionHandler(TooManyRequestsException.class)
  static ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    problem.setTitle("Слишком часто");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(problem);
  }

  @ExceptionHandler(InvalidRequestException.class)
  static ProblemDetail invalidRequest(InvalidRequestException e) {
    return badRequest(List.of(new BadInput.Error(e.field(), e.getMessage())));
  }

  /** Bean-validation failures raised by the method-validation proxy of a controller. */
  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    return badRequest(
        e.getConstraintViolations().stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(v -> new BadInput.Error(leafName(v), v.getMessage()))
            .toList());
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

  /** Headers that go with a problem: when to retry, if the server is away for a moment. */
  static HttpHeaders headersFor(ProblemDetail problem) {
    HttpHeaders headers = new HttpHeaders();
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Outages.RETRY_AFTER.toSeconds()));
    }
    return headers;
  }

  /**
   * The same problem for a failure outside annotated controllers: functional routes ({@link
   * RouteProblems}), web filters and Spring Security's firewall ({@link EdgeProblems}).
   */
  static ProblemDetail problemFor(Throwable e) {
    if (e instanceof NotFoundException n) return notFound(n);
    if (e instanceof AccessDeniedException a) return accessDenied(a);
    if (e instanceof CurrentCaller.UnauthenticatedException u) return unauthenticated(u);
    if (e instanceof InvalidRequestException i) return invalidRequest(i);
    if (e instanceof ConflictException c) return conflict(c);
    if (e instanceof UnprocessableException u) return unprocessable(u);
    if (e instanceof PayloadTooLargeException t) return tooLarge(t);
    if (e instanceof UnsupportedTypeException t) return unsupportedType(t);
    if (e instanceof ErrorResponse framework) return framework(e, framework.getStatusCode());
    if (e instanceof ServerExchangeRejectedException) return rejectedAddress();
    if (e instanceof DataBufferLimitException) return framework(e, HttpStatus.CONTENT_TOO_LARGE);
    if (e instanceof JacksonException json) return badRequest(List.of(BadInput.ofJson(json)));
    return unexpectedProblem(e instanceof Exception ex ? ex : new RuntimeException(e));
  }

  /**
   * Every failure Spring raises itself (a body or parameter that does not convert, a missing
   * header, an unsupported content type or method, a body over the codecs' limit, an unknown path)
   * passes through here: the same problem document, in Russian, with the framework's headers (such
   * as {@code Allow} or {@code Accept}) kept.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(
      Exception e,
      Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    ProblemDetail problem = framework(e, status);
    return Mono.just(ResponseEntity.status(problem.getStatus()).headers(headers).body(problem));
  }

  /** The Russian problem for a failure Spring raised, with {@code status} as Spring set it. */
  static ProblemDetail framework(Throwable e, HttpStatusCode status) {
    if (e instanceof WebExchangeBindException bind) {
      return badRequest(
          bind.getFieldErrors().stream()
              .map(
                  err ->
                      new BadInput.Error(err.getField(), String.valueOf(err.getDefaultMessage())))
              .toList());
    }
    if (e instanceof HandlerMethodValidationException validation) {
      return badRequest(
          validation.getParameterValidationResults().stream()
              .flatMap(
                  result ->
                      result.getResolvableErrors().stream()
                          .map(
                              err ->
                                  new BadInput.Error(
                                      BadInput.parameterName(result.getMethodParameter()),
                                      err.getDefaultMessage())))
              .toList());
    }
    if (e instanceof MissingRequestValueException missing) {
      String what =
          "header".equals(missing.getLabel())
              ? "обязательный заголовок не указан"
              : "обязательный параметр не указан";
      return badRequest(List.of(new BadInput.Error(missing.getName(), what)));
    }
    if (e instanceof UnsatisfiedRequestParameterException unsatisfied) {
      return badRequest(
          List.of(
              new BadInput.Error(
                  null,
                  "параметры запроса не подходят ни к одному варианту: "
                      + String.join(" или ", unsatisfied.getConditions()))));
    }
    if (e instanceof ServerWebInputException input) {
      return badRequest(List.of(BadInput.of(input)));
    }
    if (e instanceof MethodNotAllowedException method) {
      return problem(
          HttpStatus.METHOD_NOT_ALLOWED,
          "Метод не поддерживается",
          "Метод "
              + method.getHttpMethod()
              + " по этому адресу не поддерживается; допустимо: "
              + method.getSupportedMethods().stream()
                  .map(HttpMethod::name)
                  .sorted()
                  .reduce((a, b) -> a + ", " + b)
                  .orElse("—")
              + ".");
    }
    if (e instanceof NotAcceptableStatusException notAcceptable) {
      return problem(
          HttpStatus.NOT_ACCEPTABLE,
          "Формат ответа не поддерживается",
          "Ответ по этому адресу бывает только в форматах: "
              + types(notAcceptable.getSupportedMediaTypes())
              + ". Исправьте заголовок Accept.");
    }
    if (e instanceof UnsupportedMediaTypeStatusException unsupported) {
      MediaType sent = unsupported.getContentType();
      return problem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Тип содержимого не поддерживается",
          (sent == null
                  ? "Не указан тип содержимого (Content-Type)"
                  : "Тип содержимого «" + sent + "» здесь не принимается")
              + "; ожидается: "
              + types(unsupported.getSupportedMediaTypes())
              + ".");
    }
    return switch (status.value()) {
      case 404 -> problem(HttpStatus.NOT_FOUND, "Не найдено", "По этому адресу ничего нет.");
      case 413 ->
          problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "Слишком большой запрос",
              "Запрос больше допустимого размера: ничего не сохранено. Сократите данные (например,"
                  + " слишком длинный текст) и повторите.");
      case 414 ->
          problem(
              HttpStatus.URI_TOO_LONG,
              "Слишком длинный адрес",
              "Адрес запроса слишком длинный. Сократите параметры запроса или передайте данные в"
                  + " теле запроса.");
      default -> {
        if (status.is5xxServerError()) {
          yield unexpectedProblem(e instanceof Exception ex ? ex : new RuntimeException(e));
        }
        yield problem(
            HttpStatus.valueOf(status.value()),
            "Запрос не выполнен",
            "Запрос не выполнен (код " + status.value() + "). Проверьте адрес и параметры.");
      }
    };
  }

  /**
   * Spring Security's firewall refused the request line: an encoded dot, slash or backslash in the
   * path ({@code /api/regions/%2e%2e}), a semicolon, a malformed header and the like. Usually it
   * refuses before any handler ({@link EdgeProblems}); a header it checks only when read can fail
   * later, inside one.
   */
  @ExceptionHandler(ServerExchangeRejectedException.class)
  static ProblemDetail rejectedAddress() {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Неверный запрос",
        "Недопустимый адрес или заголовок запроса (например, закодированные «.», «/» или «\\» в"
            + " пути). Проверьте адрес.");
  }

  private static String types(List<MediaType> types) {
    return types.isEmpty()
        ? "—"
        : types.stream().map(MediaType::toString).reduce((a, b) -> a + ", " + b).orElse("—");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  private static ProblemDetail badRequest(List<BadInput.Error> errors) {
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
    problem.setProperty("errors", errors.stream().map(ProblemHandler::asError).toList());
    return problem;
  }

  private static Map<String, Object> asError(BadInput.Error e) {
    var error = new LinkedHashMap<String, Object>();
    if (e.field() != null) error.put("field", e.field());
    error.put("message", e.message());
    if (e.allowed() != null) error.put("allowed", e.allowed());
    return error;
  }

  private static Map<String, Object> asError(FieldProblem p) {
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

  private static String leafName(ConstraintViolation<?> violation) {
    String name = "запрос";
    for (Path.Node node : violation.getPropertyPath()) {
      name = node.getName();
    }
    return name;
  }
}
