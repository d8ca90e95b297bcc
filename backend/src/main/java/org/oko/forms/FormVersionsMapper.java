package org.oko.forms;

import org.oko.api.model.FormDefinitionVersion;
import org.oko.platform.web.ApiTimes;

/** A form definition's published versions to the contract's {@code FormDefinitionVersion}. */
final class FormVersionsMapper {

  private FormVersionsMapper() {}

  static FormDefinitionVersion version(FormVersionService.Published v) {
    FormDefinitionVersion api = new FormDefinitionVersion();
    api.setVersion(v.version());
    api.setPublishedAt(ApiTimes.utc(v.publishedAt()));
    api.setPublishedBy(v.publishedBy());
    api.setPublishedByName(v.publishedByName());
    api.setTitle(v.title());
    api.setChanges(v.changes());
    api.setCurrent(v.current());
    return api;
  }
}
