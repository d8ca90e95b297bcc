package org.oko.forms;

/** Who fills a form: each organization addressed, or each municipality. */
public enum RespondentKind {
  ORGANIZATION,
  MUNICIPALITY
}
