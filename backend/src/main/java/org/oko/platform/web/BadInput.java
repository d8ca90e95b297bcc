package org.oko.platform.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What is wrong with a request value that could not be read as the contract types it: a query or
 * path parameter that does not convert (an unknown enum value, a word for a number), a JSON body
 * that does not parse or has a value of the wrong type. Says which field, in the contract's terms,
 * and what is expected, in Russian; for an enum, the allowed values.
 */
final class BadInput {

  /**
   * One error of a problem document: the field (absent for the body as a whole), the reason and,
   * for a value out of a fixed list, the values allowed.
   */
  record Error(String field, String message, List<String> allowed) {
    Error(String field, String message) {
      this(field, message, null);
    }
  }

  private BadInput() {}

  static Error of(ServerWebInputException e) {
    MethodParameter parameter = e.getMethodParameter();
    JacksonException json = find(e, JacksonException.class);
    if (json != null) {
      return ofJson(json);
    }
    if (e.getCause() instanceof TypeMismatchException mismatch) {
      String field = parameter != null ? parameterName(parameter) : mismatch.getPropertyName();
      return mismatch(field, mismatch.getRequiredType(), mismatch.getValue());
    }
    if (parameter == null || isBody(parameter)) {
      return new Error(
          null,
          e.getCause() == null
              ? "нет тела запроса: ожидается JSON по контракту"
              : "тело запроса не удалось прочитать");
    }
    return new Error(parameterName(parameter), "недопустимое значение");
  }

  /** A JSON body that does not parse, or a value in it that does not fit its field. */
  static Error ofJson(JacksonException e) {
    String field = path(e.getPath());
    if (e instanceof StrictJson.ControlCharacterException) {
      return new Error(field, e.getOriginalMessage());
    }
    if (e instanceof StreamReadException) {
      TokenStreamLocation at = e.getLocation();
      String where =
          at == null || at.getLineNr() < 0
              ? ""
              : " (строка " + at.getLineNr() + ", позиция " + at.getColumnNr() + ")";
      return new Error(null, "тело запроса — не корректный JSON" + where);
    }
    Class<?> type = null;
    if (e instanceof MismatchedInputException m) {
      type = m.getTargetType();
    } else if (e instanceof ValueInstantiationException v && v.getType() != null) {
      type = v.getType().getRawClass();
    }
    if (type == null) {
      return new Error(field, "недопустимое значение");
    }
    return mismatch(field, type, null);
  }

  /** {@code value} (when known) is not of {@code type}: say what is expected. */
  static Error mismatch(String field, Class<?> type, Object value) {
    String found = value == null ? "" : "недопустимое значение «" + cut(value) + "»; ";
    if (type != null && type.isEnum()) {
      List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
      return new Error(
          field, found + "допустимые значения: " + String.join(", ", allowed), allowed);
    }
    return new Error(field, found + expected(type));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "недопустимое значение";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "ожидается строка";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == java.math.BigInteger.class) {
      return "ожидается целое число";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "ожидается число";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "ожидается true или false";
    }
    if (type == LocalDate.class) {
      return "ожидается дата в формате ГГГГ-ММ-ДД";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "ожидается дата и время в формате ISO 8601, например 2026-03-01T10:00:00+03:00";
    }
    if (type == UUID.class) {
      return "ожидается идентификатор UUID";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "ожидается список";
    }
    return "ожидается объект";
  }

  /** The JSON path in the contract's terms: {@code sheets.results[0].task_1}; null for the root. */
  private static String path(List<JacksonException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? null : out.toString();
  }

  static String parameterName(MethodParameter parameter) {
    RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
    if (requestParam != null && !requestParam.value().isEmpty()) {
      return requestParam.value();
    }
    PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
    if (pathVariable != null && !pathVariable.value().isEmpty()) {
      return pathVariable.value();
    }
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && !header.value().isEmpty()) {
      return header.value();
    }
    String name = parameter.getParameterName();
    return name == null ? "запрос" : name;
  }

  private static boolean isBody(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(
        org.springframework.web.bind.annotation.RequestBody.class);
  }

  private static String cut(Object value) {
    String text = String.valueOf(value);
    return text.length() > FieldProblem.MAX_VALUE
        ? text.substring(0, FieldProblem.MAX_VALUE) + "…"
        : text;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
