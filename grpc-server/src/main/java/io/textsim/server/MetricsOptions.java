package io.textsim.server;

import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code textsim-server} flags of the metrics endpoint ({@link MetricsEndpoint}), mixed into
 * {@link ServerCommand}; like every flag, each is also an environment variable ({@code
 * TEXTSIM_METRICS_PORT}, {@code TEXTSIM_METRICS_HOST}).
 */
final class MetricsOptions {
  @Option(
      names = "--metrics-port",
      order = 100, // after the server's own flags in --help
      paramLabel = "PORT",
      converter = PortConverter.class,
      description =
          "Serve Prometheus metrics at http://HOST:PORT/metrics (0: any free port; default: no"
              + " metrics endpoint).")
  Integer port;

  @Option(
      names = "--metrics-host",
      order = 101,
      paramLabel = "ADDRESS",
      defaultValue = MetricsEndpoint.DEFAULT_HOST,
      description = "Address the metrics endpoint listens on (default: ${DEFAULT-VALUE}).")
  String host;

  /**
   * Opens the endpoint if a port was given.
   *
   * @throws IOException if the address cannot be bound
   * @throws IllegalArgumentException if the port is outside 0..65535
   */
  Optional<MetricsEndpoint> open() throws IOException {
    return port == null ? Optional.empty() : Optional.of(MetricsEndpoint.open(host, port));
  }

  /** A TCP port, 0..65535. */
  static final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int port;
      try {
        port = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a port number");
      }
      if (port < 0 || port > 65535) {
        throw new TypeConversionException("'" + value + "' is not a port: use 0..65535");
      }
      return port;
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
