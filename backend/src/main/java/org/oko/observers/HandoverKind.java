package org.oko.observers;

/**
 * To whom a region passes its observers' violations (seed 000, the regional coordinator: «Собирает
 * и передает ОИВ и Федеральному организатору служебные записки о нарушениях»).
 */
enum HandoverKind {
  /** The federal organizer, who has accounts here and is notified. */
  FEDERAL,
  /**
   * The region's education authority (ОИВ): no account here; the record names it and the letter.
   */
  AUTHORITY
}
