package org.oko.sample;

import java.util.List;

/**
 * An organization someone wants in the list, with its attributes and where they wrote it.
 *
 * @param attributes null when one of its cells is wrong (already reported)
 * @param subjects the subject codes as written, read even when another cell of the row is wrong so
 *     that an unknown code is reported with the row's other problems, not on the next upload
 */
record Proposal(String login, Attributes attributes, List<String> subjects, Place place) {

  Proposal(String login, Attributes attributes, Place place) {
    this(login, attributes, attributes == null ? List.of() : attributes.subjects(), place);
  }
}
