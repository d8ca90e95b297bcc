package org.oko.platform.web;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Query parameters of functional routes (the streamed exports), read as the controllers' generated
 * interfaces would: an absent one is null, one that is not of its type a 400 in Russian naming it.
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** The {@code municipalityId} filter; 400 when it is not a whole number. */
  public static Long municipalityId(ServerRequest request) {
    return request
        .queryParam("municipalityId")
        .map(
            value -> {
              try {
                return Long.parseLong(value);
              } catch (NumberFormatException e) {
                throw new InvalidRequestException(
                    "municipalityId",
                    "Идентификатор муниципалитета — целое число, а не «" + value + "»");
              }
            })
        .orElse(null);
  }
}
