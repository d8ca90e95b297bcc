package org.oko.forms;

import org.oko.platform.security.Role;

/**
 * Approval up the hierarchy (issue 20): who decides on an organization's report at which level, and
 * which decisions its state allows. Pure: the state comes in, a decision or a refusal goes out.
 */
final class ApprovalRules {

  /** Where a report stands; the API's {@code ApprovalState} has the same values. */
  enum State {
    NOT_SUBMITTED,
    PENDING,
    MUNICIPALITY_ACCEPTED,
    REGION_ACCEPTED,
    RETURNED
  }

  enum Action {
    ACCEPT,
    RETURN
  }

  /** The first level (municipality, or the responsible coordinator) and the region. */
  enum Level {
    MUNICIPALITY,
    REGION
  }

  static final int COMMENT_LIMIT = 1000;

  private ApprovalRules() {}

  /**
   * The level a caller decides at for an organization inside its scope, or null when it decides at
   * none: a municipal coordinator for its municipality's organizations, the responsible one for
   * those under no municipality, the regional coordinator above both.
   */
  static Level levelOf(Role role, Long organizationMunicipality) {
    return switch (role) {
      case MUNICIPAL -> organizationMunicipality != null ? Level.MUNICIPALITY : null;
      case RESPONSIBLE -> organizationMunicipality == null ? Level.MUNICIPALITY : null;
      case REGIONAL -> Level.REGION;
      default -> null;
    };
  }

  /**
   * The state of a report from its response's status (null: not started) and its stored acceptance
   * (null: none). A report submitted again after a return is pending again.
   */
  static State stateOf(String responseStatus, String stored) {
    if (ResponseRow.SUBMITTED.equals(responseStatus)) {
      return stored == null || stored.equals(State.RETURNED.name())
          ? State.PENDING
          : State.valueOf(stored);
    }
    return State.RETURNED.name().equals(stored) ? State.RETURNED : State.NOT_SUBMITTED;
  }

  static boolean accepted(State state) {
    return state == State.MUNICIPALITY_ACCEPTED || state == State.REGION_ACCEPTED;
  }

  static boolean mayAccept(Level level, State state) {
    return level == Level.MUNICIPALITY && state == State.PENDING
        || level == Level.REGION && state == State.MUNICIPALITY_ACCEPTED;
  }

  /** The first level until the region accepts; the region once the first level accepted. */
  static boolean mayReturn(Level level, State state) {
    return level == Level.MUNICIPALITY
            && (state == State.PENDING || state == State.MUNICIPALITY_ACCEPTED)
        || level == Level.REGION
            && (state == State.MUNICIPALITY_ACCEPTED || state == State.REGION_ACCEPTED);
  }

  /** The state a decision leads to. */
  static State after(Level level, Action action) {
    if (action == Action.RETURN) {
      return State.RETURNED;
    }
    return level == Level.REGION ? State.REGION_ACCEPTED : State.MUNICIPALITY_ACCEPTED;
  }

  /** Why the decision is refused (a 409's detail), or null when it is allowed. */
  static String refusal(Level level, Action action, State state) {
    boolean allowed = action == Action.ACCEPT ? mayAccept(level, state) : mayReturn(level, state);
    if (allowed) {
      return null;
    }
    return switch (state) {
      case NOT_SUBMITTED -> "Отчёт не сдан: принимать или возвращать нечего";
      case RETURNED -> "Отчёт возвращён на доработку: организация ещё не сдала его снова";
      case PENDING ->
          "Отчёт ещё не принят муниципальным (ответственным) координатором: сначала решение"
              + " принимает он";
      case MUNICIPALITY_ACCEPTED -> "Отчёт уже принят муниципалитетом и ждёт решения региона";
      case REGION_ACCEPTED ->
          action == Action.ACCEPT
              ? "Отчёт уже принят регионом"
              : "Отчёт принят регионом: вернуть его может только региональный координатор";
    };
  }

  /** Why the organization's own «Редактировать» is refused while its report is accepted. */
  static String reopenRefusal(State state) {
    return switch (state) {
      case MUNICIPALITY_ACCEPTED ->
          "Отчёт принят муниципальным координатором: изменить его можно, только если он вернёт"
              + " отчёт на доработку";
      case REGION_ACCEPTED ->
          "Отчёт принят регионом: изменить его можно, только если региональный координатор"
              + " вернёт отчёт на доработку";
      default -> null;
    };
  }
}
