package org.oko.forms;

/** What a form column holds; see {@code FormColumnType} in openapi.yaml. */
public enum ColumnType {
  TEXT,
  INTEGER,
  DECIMAL,
  ENUM,
  DATE,
  ORG_LOGIN,
  PARTICIPANT_CODE,
  /** Expanded when a definition is saved into one INTEGER column per task of the subject. */
  TASK_SCORES,
  /** Read-only: the sum of {@link ColumnSpec#sumOf()}, computed by the server. */
  COMPUTED_SUM
}
