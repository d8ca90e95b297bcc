package org.oko.forms;

import java.util.List;
import java.util.Map;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The versions a submission froze: their list, one of them, and what changed between two of them
 * (or between one and the current content), read by the respondent and the coordinators above it.
 */
@Service
class ResponseVersionService {

  /** Whose response: the form, and the organization or municipality (null for the caller's own). */
  record Whose(long formId, String organization, Long municipalityId, String regionPart) {

    /** The caller's own response, or one named by organization or municipality. */
    Whose(long formId, String organization, Long municipalityId) {
      this(formId, organization, municipalityId, null);
    }
  }

  /** What changed from version {@code from} to {@code to} (null: the current content). */
  record Comparison(int from, Integer to, List<ContentDiff.Change> changes) {}

  private final FormAccess access;
  private final FormResponseStore store;
  private final ResponseVersionStore versionStore;

  ResponseVersionService(
      FormAccess access, FormResponseStore store, ResponseVersionStore versionStore) {
    this.access = access;
    this.store = store;
    this.versionStore = versionStore;
  }

  /** The frozen versions, without their content. */
  Mono<List<ResponseVersionStore.Version>> versions(Caller caller, Whose whose) {
    return target(caller, whose)
        .flatMap(
            t ->
                store
                    .find(whose.formId(), t.respondent())
                    .flatMapMany(row -> versionStore.versions(row.id()))
                    .collectList());
  }

  Mono<ResponseVersionStore.Version> version(Caller caller, Whose whose, int number) {
    return target(caller, whose).flatMap(t -> frozen(t, number));
  }

  Mono<Comparison> compare(Caller caller, Whose whose, int from, Integer to) {
    return target(caller, whose).flatMap(t -> compare(t, from, to));
  }

  private Mono<Comparison> compare(ResponseTarget t, int from, Integer to) {
    return frozen(t, from)
        .flatMap(before -> contentOf(t, to).map(after -> diff(t, from, to, before, after)));
  }

  private static Comparison diff(
      ResponseTarget t,
      int from,
      Integer to,
      ResponseVersionStore.Version before,
      Map<String, List<Map<String, String>>> after) {
    return new Comparison(from, to, ContentDiff.between(t.schema(), before.content(), after));
  }

  private Mono<ResponseTarget> target(Caller caller, Whose whose) {
    return access.target(
        caller, whose.formId(), whose.organization(), whose.municipalityId(), whose.regionPart());
  }

  /** The content of a frozen version, or the current content for null. */
  private Mono<Map<String, List<Map<String, String>>>> contentOf(ResponseTarget t, Integer number) {
    return number == null
        ? store
            .find(t.form().id(), t.respondent())
            .map(row -> (Map<String, List<Map<String, String>>>) row.content())
        : frozen(t, number).map(ResponseVersionStore.Version::content);
  }

  private Mono<ResponseVersionStore.Version> frozen(ResponseTarget t, int number) {
    return store
        .find(t.form().id(), t.respondent())
        .flatMap(row -> versionStore.version(row.id(), number))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Сданной версии " + number + " нет")));
  }
}
