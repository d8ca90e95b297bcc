package org.oko.platform.web;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsatisfiedRequestParameterException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * The Russian problem documents for failures Spring raises itself: a body or parameter that does
 * not convert, a missing header, an unsupported content type, method or {@code Accept}, a body over
 * the codecs' limit, an unknown path. {@link ProblemHandler} and the edge handlers use it.
 */
final class FrameworkProblems {

  private FrameworkProblems() {}

  /** The Russian problem for a failure Spring raised, with {@code status} as Spring set it. */
  static ProblemDetail of(Throwable e, HttpStatusCode status) {
    if (e instanceof WebExchangeBindException bind) {
      return Problems.badRequest(
          bind.getFieldErrors().stream()
              .map(
                  err ->
                      new BadInput.Error(err.getField(), String.valueOf(err.getDefaultMessage())))
              .toList());
    }
    if (e instanceof HandlerMethodValidationException validation) {
      return Problems.badRequest(
          validation.getParameterValidationResults().stream()
              .flatMap(FrameworkProblems::errorsOf)
              .toList());
    }
    if (e instanceof MissingRequestValueException missing) {
      String what =
          "header".equals(missing.getLabel())
              ? "обязательный заголовок не указан"
              : "обязательный параметр не указан";
      return Problems.badRequest(List.of(new BadInput.Error(missing.getName(), what)));
    }
    if (e instanceof UnsatisfiedRequestParameterException unsatisfied) {
      return Problems.badRequest(
          List.of(
              new BadInput.Error(
                  null,
                  "параметры запроса не подходят ни к одному варианту: "
                      + String.join(" или ", unsatisfied.getConditions()))));
    }
    if (e instanceof ServerWebInputException input) {
      return Problems.badRequest(List.of(BadInput.of(input)));
    }
    if (e instanceof MethodNotAllowedException method) {
      return Problems.problem(
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
      return Problems.problem(
          HttpStatus.NOT_ACCEPTABLE,
          "Формат ответа не поддерживается",
          "Ответ по этому адресу бывает только в форматах: "
              + types(notAcceptable.getSupportedMediaTypes())
              + ". Исправьте заголовок Accept.");
    }
    if (e instanceof UnsupportedMediaTypeStatusException unsupported) {
      MediaType sent = unsupported.getContentType();
      return Problems.problem(
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
      case 404 ->
          Problems.problem(HttpStatus.NOT_FOUND, "Не найдено", "По этому адресу ничего нет.");
      case 413 ->
          Problems.problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "Слишком большой запрос",
              "Запрос больше допустимого размера: ничего не сохранено. Сократите данные (например,"
                  + " слишком длинный текст) и повторите.");
      case 414 ->
          Problems.problem(
              HttpStatus.URI_TOO_LONG,
              "Слишком длинный адрес",
              "Адрес запроса слишком длинный. Сократите параметры запроса или передайте данные в"
                  + " теле запроса.");
      default -> {
        if (status.is5xxServerError()) {
          yield Problems.unexpected(e instanceof Exception ex ? ex : new RuntimeException(e));
        }
        yield Problems.problem(
            HttpStatus.valueOf(status.value()),
            "Запрос не выполнен",
            "Запрос не выполнен (код " + status.value() + "). Проверьте адрес и параметры.");
      }
    };
  }

  private static String types(List<MediaType> types) {
    return types.isEmpty()
        ? "—"
        : types.stream().map(MediaType::toString).reduce((a, b) -> a + ", " + b).orElse("—");
  }

  /** One method parameter's errors, each named by the parameter. */
  private static Stream<BadInput.Error> errorsOf(ParameterValidationResult result) {
    String name = BadInput.parameterName(result.getMethodParameter());
    return result.getResolvableErrors().stream()
        .map(err -> new BadInput.Error(name, err.getDefaultMessage()));
  }
}
