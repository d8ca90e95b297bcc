package org.oko.live;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.oko.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The accounts signed in on a live socket of this instance, and a way to tell them their unread
 * notifications changed or an observer marked presence. Other features (notifications, observers)
 * push here; a socket gets the message whatever it subscribed to, and a slow one only the latest
 * count (never a backlog).
 */
@Component
public class LiveNotices {

  private final LiveMessageMapper messages;
  private final Map<String, Set<LiveSession<?>>> byLogin = new ConcurrentHashMap<>();

  LiveNotices(LiveMessageMapper messages) {
    this.messages = messages;
  }

  /** The logins with at least one socket open on this instance. */
  public Set<String> connectedLogins() {
    return Set.copyOf(byLogin.keySet());
  }

  /** Tells every socket of {@code login} on this instance that it has {@code unread} now. */
  public void pushUnread(String login, long unread) {
    Set<LiveSession<?>> sessions = byLogin.get(login);
    if (sessions == null || sessions.isEmpty()) {
      return;
    }
    byte[] message = messages.notifications(unread);
    sessions.forEach(session -> session.notice(message));
  }

  /**
   * Tells every socket on this instance whose account {@code sees} the point that an observer
   * marked presence there (observers push here; the message carries ids only).
   */
  public void pushObserverPresence(
      Predicate<Caller> sees,
      long campaignId,
      long organizationId,
      long assignmentId,
      Instant presentAt) {
    byte[] message = null;
    for (Set<LiveSession<?>> sessions : byLogin.values()) {
      for (LiveSession<?> session : sessions) {
        Caller caller = session.caller();
        if (caller != null && sees.test(caller)) {
          if (message == null) {
            message =
                messages.observerPresence(campaignId, organizationId, assignmentId, presentAt);
          }
          session.notice(message);
        }
      }
    }
  }

  void register(LiveSession<?> session) {
    if (session.isClosing()) {
      return;
    }
    byLogin
        .computeIfAbsent(session.caller().login(), l -> ConcurrentHashMap.newKeySet())
        .add(session);
  }

  void unregister(LiveSession<?> session) {
    if (session.caller() == null) {
      return;
    }
    byLogin.computeIfPresent(
        session.caller().login(),
        (login, sessions) -> {
          sessions.remove(session);
          return sessions.isEmpty() ? null : sessions;
        });
  }
}
