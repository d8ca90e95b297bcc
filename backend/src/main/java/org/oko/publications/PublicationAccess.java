package org.oko.publications;

import java.time.Clock;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a caller may do with one publication. One it may not read answers 404 (a scheduled one does
 * not exist yet for its audience); one it reads but did not write answers 403; a change of a
 * publication that has left the draft answers 409.
 */
@Component
class PublicationAccess {

  /** The roles that take part in publications at all; anyone else is refused with 403. */
  static final Role[] READERS = {
    Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE, Role.ORGANIZATION
  };

  /** Publications are written by the federal organizer and by regions. */
  static final Role[] AUTHORS = {Role.FEDERAL, Role.REGIONAL};

  private final PublicationStore store;
  private final Clock clock;

  PublicationAccess(PublicationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Mono<PublicationRow> readable(Caller caller, long id) {
    return store
        .find(id, Reader.of(caller, clock.instant()))
        .switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  /** A draft the caller wrote, for changing its text, audience or files. */
  Mono<PublicationRow> editableDraft(Caller caller, long id) {
    return authored(caller, id)
        .flatMap(
            p ->
                p.published()
                    ? Mono.error(
                        new ConflictException(
                            "Публикация уже опубликована: изменять её и её файлы нельзя"))
                    : Mono.just(p));
  }

  /** A publication the caller wrote that is not yet released, for (re)setting its release. */
  Mono<PublicationRow> publishable(Caller caller, long id) {
    return authored(caller, id)
        .flatMap(
            p ->
                p.statusAt(clock.instant()) == PublicationRow.Status.RELEASED
                    ? Mono.error(
                        new ConflictException("Публикация уже выпущена: время выпуска не изменить"))
                    : Mono.just(p));
  }

  Mono<PublicationRow> authored(Caller caller, long id) {
    return readable(caller, id)
        .flatMap(
            p -> p.authoredBy(caller) ? Mono.just(p) : Mono.error(new AccessDeniedException()));
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException("Публикация " + id + " не найдена");
  }

  static ConflictException changedMeanwhile() {
    return new ConflictException(
        "Публикацию только что изменил кто-то другой. Обновите страницу и повторите.");
  }
}
