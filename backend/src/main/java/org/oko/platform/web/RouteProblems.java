package org.oko.platform.web;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Problem documents for functional routes (streamed uploads), which the controller advice does not
 * see: the same statuses, titles and messages as {@link ProblemHandler}. Apply with {@code
 * route(...).filter(RouteProblems.filter())}.
 */
public final class RouteProblems {

  private RouteProblems() {}

  public static HandlerFilterFunction<ServerResponse, ServerResponse> filter() {
    return (request, next) ->
        next.handle(request)
            .onErrorResume(
                e -> {
                  ProblemDetail problem = ProblemHandler.problemFor(e);
                  return ServerResponse.status(problem.getStatus())
                      .headers(headers -> headers.addAll(ProblemHandler.headersFor(problem)))
                      .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                      .bodyValue(problem);
                });
  }
}
