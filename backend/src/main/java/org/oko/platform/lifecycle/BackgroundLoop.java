package org.oko.platform.lifecycle;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * Work an instance does in the background (a relay, a sweep, a consumer): started once the
 * application context is up and disposed when it stops, so that a graceful shutdown ends it. A
 * subclass says only how it runs.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

  private volatile Disposable running;

  /** Starts the work; the returned handle stops it. */
  protected abstract Disposable run();

  @Override
  public final void start() {
    running = run();
  }

  @Override
  public final void stop() {
    Disposable loop = running;
    if (loop != null) {
      loop.dispose();
    }
    running = null;
  }

  @Override
  public final boolean isRunning() {
    return running != null;
  }
}
