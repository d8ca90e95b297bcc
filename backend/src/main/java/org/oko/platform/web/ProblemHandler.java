package org.oko.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.nio.channels.ClosedChannelException;
import java.util.Comparator;
import java.util.List;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.CurrentCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * The one place that turns failures into RFC 9457 problem documents. Messages are Russian because
 * the SPA shows them as they are; stack traces never leave the server. The documents themselves are
 * made by {@link Problems} (and, for what Spring raises itself, {@link FrameworkProblems}).
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

  @ExceptionHandler(PreconditionFailedException.class)
  static ProblemDetail preconditionFailed(PreconditionFailedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    problem.setTitle("Данные изменились");
    return problem;
  }

  @ExceptionHandler(UnprocessableException.class)
  static ProblemDetail unprocessable(UnprocessableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setTitle("Данные не приняты");
    problem.setProperty("errors", e.problems().stream().map(Problems::asError).toList());
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
    return Problems.badRequest(List.of(new BadInput.Error(e.field(), e.getMessage())));
  }

  /** Bean-validation failures raised by the method-validation proxy of a controller. */
  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    return Problems.badRequest(
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
    ProblemDetail problem = Problems.unexpected(e);
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
    if (e instanceof PreconditionFailedException p) return preconditionFailed(p);
    if (e instanceof UnprocessableException u) return unprocessable(u);
    if (e instanceof PayloadTooLargeException t) return tooLarge(t);
    if (e instanceof UnsupportedTypeException t) return unsupportedType(t);
    if (e instanceof TooManyRequestsException t) return tooManyRequests(t).getBody();
    if (e instanceof ErrorResponse framework)
      return FrameworkProblems.of(e, framework.getStatusCode());
    if (e instanceof ServerExchangeRejectedException) return rejectedAddress();
    if (e instanceof DataBufferLimitException)
      return FrameworkProblems.of(e, HttpStatus.CONTENT_TOO_LARGE);
    if (e instanceof JacksonException json)
      return Problems.badRequest(List.of(BadInput.ofJson(json)));
    return Problems.unexpected(e instanceof Exception ex ? ex : new RuntimeException(e));
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
    ProblemDetail problem = FrameworkProblems.of(e, status);
    return Mono.just(ResponseEntity.status(problem.getStatus()).headers(headers).body(problem));
  }

  /**
   * Spring Security's firewall refused the request line: an encoded dot, slash or backslash in the
   * path ({@code /api/regions/%2e%2e}), a semicolon, a malformed header and the like. Usually it
   * refuses before any handler ({@link EdgeProblems}); a header it checks only when read can fail
   * later, inside one.
   */
  @ExceptionHandler(ServerExchangeRejectedException.class)
  static ProblemDetail rejectedAddress() {
    return Problems.problem(
        HttpStatus.BAD_REQUEST,
        "Неверный запрос",
        "Недопустимый адрес или заголовок запроса (например, закодированные «.», «/» или «\\» в"
            + " пути). Проверьте адрес.");
  }

  private static String leafName(ConstraintViolation<?> violation) {
    String name = "запрос";
    for (Path.Node node : violation.getPropertyPath()) {
      name = node.getName();
    }
    return name;
  }
}
