package org.oko.kits;

import reactor.core.publisher.Mono;

/**
 * How many participants of a class and subject an organization's submitted application (заявка,
 * seed 004 6.6–6.8) names: the number of ВПР participant codes it may have. Implemented by forms,
 * which owns the application, because forms depends on kits and not the other way round.
 */
public interface ApplicationParticipants {

  /** The number, or empty while the organization has no submitted application. */
  Mono<Integer> participants(
      long campaignId, long organizationId, Integer grade, String subjectName);
}
