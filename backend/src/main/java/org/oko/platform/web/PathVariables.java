package org.oko.platform.web;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Path variables of functional routes (the streamed uploads), read as the controllers' generated
 * interfaces would: a variable that is not a number is a 400 naming it.
 */
public final class PathVariables {

  private PathVariables() {}

  /** The variable as a number; 400 with {@code message} for the field {@code name} otherwise. */
  public static long id(ServerRequest request, String name, String message) {
    try {
      return Long.parseLong(request.pathVariable(name));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, message);
    }
  }

  /** {@link #id(ServerRequest, String, String)} with the message «Неверный номер в адресе». */
  public static long id(ServerRequest request, String name) {
    return id(request, name, "Неверный номер в адресе: " + name);
  }
}
