package org.oko.publications;

/**
 * What a publication carries as its «Сбор данных» block (issue 20; seed 001: the point «открывает
 * публикацию … блок „Сбор данных“»): a form of the publication's campaign, or a tool of the
 * campaign's kind, optionally for one subject. The API's {@code DataCollection} has the same
 * values.
 *
 * @param formId the form, for {@link Kind#FORM} only
 * @param formTitle the form's title as it is now (read, not stored)
 * @param subjectKey a tool's subject; null — every subject of the campaign
 */
record DataCollectionBlock(
    long publicationId, Kind kind, Long formId, String formTitle, String subjectKey) {

  /** FORM — a form of the campaign; PROTOCOL1 — protocol 1 of an ОМК; CODES_PROTOCOL — ВПР. */
  enum Kind {
    FORM,
    PROTOCOL1,
    CODES_PROTOCOL
  }
}
