package org.oko.identity;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oko.platform.lifecycle.BackgroundLoop;
import org.oko.platform.security.SignInBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps every instance's copy of the deactivated logins, so that the resource server refuses their
 * tokens without a query per request. The instance that deactivates updates its copy at once; the
 * others read the table every {@link #REFRESH_EVERY}.
 */
@Component
class DeactivatedAccountsWorker extends BackgroundLoop implements SignInBlock {

  private static final Logger log = LoggerFactory.getLogger(DeactivatedAccountsWorker.class);

  static final Duration REFRESH_EVERY = Duration.ofSeconds(5);

  private final StaffAccountStore accounts;
  private volatile Set<String> deactivated = ConcurrentHashMap.newKeySet();

  /**
   * This instance's own recent changes (login → deactivated?, when): a re-read that began before
   * such a change committed must not undo it.
   */
  private final Map<String, Change> recent = new ConcurrentHashMap<>();

  private record Change(boolean deactivated, long atNanos) {}

  DeactivatedAccountsWorker(StaffAccountStore accounts) {
    this.accounts = accounts;
  }

  @Override
  public boolean blocks(String login) {
    return deactivated.contains(login);
  }

  void deactivated(String login) {
    recent.put(login, new Change(true, System.nanoTime()));
    deactivated.add(login);
  }

  void activated(String login) {
    recent.put(login, new Change(false, System.nanoTime()));
    deactivated.remove(login);
  }

  /** Reads the table again. */
  Mono<Void> refresh() {
    return accounts
        .disabledLogins()
        .collect(HashSet<String>::new, Set::add)
        .doOnNext(
            logins -> {
              Set<String> fresh = ConcurrentHashMap.newKeySet();
              fresh.addAll(logins);
              long horizon = System.nanoTime() - 3 * REFRESH_EVERY.toNanos();
              recent.values().removeIf(change -> change.atNanos() < horizon);
              recent.forEach(
                  (login, change) -> {
                    if (change.deactivated()) {
                      fresh.add(login);
                    } else {
                      fresh.remove(login);
                    }
                  });
              deactivated = fresh;
            })
        .then();
  }

  @Override
  protected Disposable run() {
    return Flux.interval(Duration.ZERO, REFRESH_EVERY)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                refresh()
                    .onErrorResume(
                        e -> {
                          log.warn("Could not read deactivated accounts: {}", e.toString());
                          return Mono.empty();
                        }),
            1)
        .subscribe();
  }
}
