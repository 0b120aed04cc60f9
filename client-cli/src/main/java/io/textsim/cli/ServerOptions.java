package io.textsim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where commands run: locally (no {@code --server}) or on a textsim server, with TLS options and a
 * deadline. Shared by every command as a mixin.
 */
final class ServerOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--server",
      order = 30,
      paramLabel = "HOST:PORT",
      description =
          "Run on this textsim server (e.g. localhost:50051) instead of locally; the output is the"
              + " same.")
  String server;

  @Option(
      names = "--tls",
      order = 31,
      description = "Connect with TLS (implied by --tls-ca, --tls-cert and --tls-key).")
  boolean tls;

  @Option(
      names = "--tls-ca",
      order = 32,
      paramLabel = "FILE",
      description = "PEM file of the certificate authorities to trust (default: the system's).")
  Path tlsCa;

  @Option(
      names = "--tls-cert",
      order = 33,
      paramLabel = "FILE",
      description = "PEM client certificate chain, for servers that ask for one (mTLS).")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      order = 34,
      paramLabel = "FILE",
      description = "PEM private key (PKCS#8) of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--deadline",
      order = 35,
      paramLabel = "DURATION",
      converter = Units.DurationValue.class,
      description = "Give up after this long, e.g. 500ms, 5s, 2m (default: no deadline).")
  Duration deadline;

  /** A parsed {@code host:port}. */
  record Target(String host, int port) {
    @Override
    public String toString() {
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /** True if a server was named. */
  boolean remote() {
    return server != null;
  }

  Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** True if TLS was asked for, directly or through one of its files. */
  boolean useTls() {
    return tls || tlsCa != null || tlsCert != null || tlsKey != null;
  }

  /**
   * Checks the combination of options.
   *
   * @throws ParameterException (a usage error) if they do not fit together
   */
  void validate() {
    if (!remote() && useTls()) {
      throw usage("--tls, --tls-ca, --tls-cert and --tls-key need --server");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw usage("--tls-cert and --tls-key go together");
    }
    if (remote()) {
      target();
    }
  }

  /** The server's address. */
  Target target() {
    String s = server.strip();
    String host;
    String port;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
        throw usage("--server '" + server + "' is not HOST:PORT, e.g. [::1]:50051");
      }
      host = s.substring(1, close);
      port = s.substring(close + 2);
    } else {
      int colon = s.lastIndexOf(':');
      if (colon <= 0 || s.indexOf(':') != colon) {
        throw usage("--server '" + server + "' is not HOST:PORT, e.g. localhost:50051");
      }
      host = s.substring(0, colon);
      port = s.substring(colon + 1);
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      p = -1;
    }
    if (p < 1 || p > 65_535 || host.isEmpty()) {
      throw usage("--server '" + server + "': the port must be a number from 1 to 65535");
    }
    return new Target(host, p);
  }

  ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }

  /** Opens the backend these options name: the core in this process, or a server. */
  Backend open(long maxBytes) {
    validate();
    if (!remote()) {
      return new LocalBackend(maxBytes, deadline());
    }
    return RemoteBackend.connect(this);
  }
}
