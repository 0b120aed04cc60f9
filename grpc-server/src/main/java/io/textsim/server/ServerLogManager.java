package io.textsim.server;

import java.util.logging.LogManager;

/**
 * A {@link LogManager} whose shutdown reset waits for the server: the JDK resets logging from its
 * own shutdown hook, which may run before the server's hook has logged the calls that finish during
 * graceful shutdown. Installed by {@link TextsimServer#main} through the {@code
 * java.util.logging.manager} system property (unless another manager is configured); once {@link
 * #deferResets()} is called, {@link #reset()} does nothing until {@link #resetNow()}.
 */
public final class ServerLogManager extends LogManager {
  private static volatile boolean deferred;

  /** Called by the JDK when it installs the manager. */
  public ServerLogManager() {
    super();
  }

  /** From now on, ignore resets until {@link #resetNow()}. */
  static void deferResets() {
    deferred = true;
  }

  /** Resets logging now (closing and flushing the handlers) if this manager is installed. */
  static void resetNow() {
    deferred = false;
    if (LogManager.getLogManager() instanceof ServerLogManager manager) {
      manager.reset();
    }
  }

  @Override
  public void reset() {
    if (!deferred) {
      super.reset();
    }
  }
}
