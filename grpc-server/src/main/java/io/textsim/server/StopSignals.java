package io.textsim.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Takes SIGTERM and SIGINT (Ctrl-C) over from the JVM, so that a graceful stop can end with an exit
 * code of its own choosing.
 *
 * <p>Left to the JVM, either signal runs the shutdown hooks and then always exits with 128 + the
 * signal number (143 for SIGTERM), however cleanly the server stopped; a supervisor then cannot
 * tell a clean stop from a killed one. With the signal handled here, the JVM does not exit by
 * itself: the action stops the server and the command line exits 0, or non-zero when calls had to
 * be cancelled.
 *
 * <p>The JDK's only API for this is {@code sun.misc.Signal} (module {@code jdk.unsupported},
 * exported and present in every OpenJDK build). It is reached by reflection because javac warns
 * about every use of it and that warning cannot be suppressed. Where it is missing, or the JVM
 * keeps the signal for itself ({@code -Xrs}), nothing is installed and the shutdown hook stops the
 * server as before (with the JVM's exit code).
 */
final class StopSignals {
  /** The signals a supervisor or a terminal sends to ask for a stop. */
  static final List<String> NAMES = List.of("TERM", "INT");

  private StopSignals() {}

  /**
   * Runs {@code action} on a new thread named {@code threadName} whenever one of {@link #NAMES}
   * arrives (the JVM's signal thread must not wait for the stop).
   *
   * @return the signals now handled; empty if the JVM offers no way to handle them
   */
  static List<String> handle(String threadName, Runnable action) {
    Objects.requireNonNull(threadName, "threadName");
    Objects.requireNonNull(action, "action");
    List<String> handled = new ArrayList<>();
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      Object handler =
          Proxy.newProxyInstance(
              StopSignals.class.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                  Thread stopper = new Thread(action, threadName);
                  stopper.start();
                  return null;
                }
                return switch (method.getName()) {
                  case "toString" -> "StopSignals(" + threadName + ")";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                };
              });
      for (String name : NAMES) {
        try {
          handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
          handled.add(name);
        } catch (InvocationTargetException e) {
          // IllegalArgumentException: the signal is the JVM's (-Xrs) or unknown on this OS.
          if (!(e.getCause() instanceof IllegalArgumentException)) {
            throw e;
          }
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // No sun.misc.Signal here: the shutdown hook alone stops the server.
    }
    return List.copyOf(handled);
  }
}
