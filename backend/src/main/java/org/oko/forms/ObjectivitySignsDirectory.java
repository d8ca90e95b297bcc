package org.oko.forms;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The objectivity signs of organizations as the results' reports show them, for the «Анализ
 * объективности» form: a read-only column {@code flags} of a {@code MUNICIPALITY_SAMPLE} sheet is
 * pre-filled with them, for the coordinator to confirm or correct. Declared here and implemented by
 * the results feature (which depends on forms), so that forms does not depend on results.
 */
public interface ObjectivitySignsDirectory {

  /** The column of a sample sheet that carries the signs. */
  String COLUMN = "flags";

  /**
   * For each of these organizations (by login) with a raised sign in any subject of the campaign,
   * the signs, subject by subject («Математика: …; …»); organizations without signs are absent.
   */
  Mono<Map<String, String>> signs(long campaignId, List<String> logins);
}
