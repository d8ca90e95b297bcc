package org.oko.forms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.oko.platform.security.Caller;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A form's earlier versions (issue 19, «versions kept»): the list the designer shows — who
 * published each, when, and what changed from the one before ({@link DefinitionChanges#described})
 * — and one earlier version opened read-only. Whoever sees the form sees its versions.
 */
@Service
class FormVersionService {

  /**
   * One version in the list.
   *
   * @param changes what changed from the version before, in words (version 1: none)
   * @param current whether it is the form's current version
   */
  record Published(
      long version,
      Instant publishedAt,
      String publishedBy,
      String publishedByName,
      String title,
      List<String> changes,
      boolean current) {}

  private final FormAccess access;
  private final FormVersionStore versions;

  FormVersionService(FormAccess access, FormVersionStore versions) {
    this.access = access;
    this.versions = versions;
  }

  /** The form's versions, newest first, each with what changed from the one before. */
  Mono<List<Published>> list(Caller caller, long formId) {
    return access
        .visible(caller, formId)
        .flatMap(vf -> versions.all(formId).collectList().map(all -> described(vf.form(), all)));
  }

  private static List<Published> described(
      FormDefinitionRow form, List<FormVersionStore.Version> all) {
    List<Published> list = new ArrayList<>(all.size());
    FormVersionStore.Version before = null;
    for (FormVersionStore.Version v : all) {
      String title = v.title() != null ? v.title() : form.title();
      List<String> changes = new ArrayList<>();
      if (before != null) {
        if (v.title() != null && before.title() != null && !v.title().equals(before.title())) {
          changes.add("Название формы: «" + v.title() + "»");
        }
        if (v.instruction() != null
            && before.instruction() != null
            && !v.instruction().equals(before.instruction())) {
          changes.add("Инструкция изменена");
        }
        changes.addAll(DefinitionChanges.described(before.schema(), v.schema()));
      }
      list.add(
          new Published(
              v.version(),
              v.publishedAt(),
              v.publishedBy(),
              v.publishedByName(),
              title,
              changes,
              v.version() == form.version()));
      before = v;
    }
    Collections.reverse(list);
    return list;
  }

  /**
   * Version {@code number} of the form as it was published, to be read only: its sheets (and its
   * title where kept), the rest as the form is now.
   */
  Mono<FormDefinitionRow> get(Caller caller, long formId, long number) {
    return access.visible(caller, formId).flatMap(vf -> published(vf.form(), number));
  }

  private Mono<FormDefinitionRow> published(FormDefinitionRow form, long number) {
    return versions
        .one(form.id(), number)
        .switchIfEmpty(Mono.error(() -> noSuchVersion(form.id(), number)))
        .map(v -> asPublished(form, v));
  }

  private static NotFoundException noSuchVersion(long formId, long number) {
    return new NotFoundException("У формы " + formId + " нет версии " + number);
  }

  private static FormDefinitionRow asPublished(FormDefinitionRow form, FormVersionStore.Version v) {
    return new FormDefinitionRow(
        form.id(),
        form.campaignId(),
        form.code(),
        v.title() != null ? v.title() : form.title(),
        v.instruction() != null ? v.instruction() : form.instruction(),
        form.stage(),
        form.respondent(),
        form.organizationKinds(),
        form.subjectKey(),
        v.schema(),
        v.version(),
        v.publishedAt(),
        form.regionCode());
  }
}
