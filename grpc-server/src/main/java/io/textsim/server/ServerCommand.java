package io.textsim.server;

import io.textsim.core.Durations;
import io.textsim.wire.TlsFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code textsim-server} command line. Every flag can also be set by an environment variable
 * named after it: {@code --max-text-chars} is {@code TEXTSIM_MAX_TEXT_CHARS}; a flag wins over its
 * variable. Exit codes: 0 after a clean shutdown (SIGTERM or Ctrl-C, every call in flight finished
 * within the grace period), 1 if the server cannot start (address in use, unreadable TLS files, a
 * key that is not the certificate's: one line naming the flag and the file), 2 for bad flags, 3
 * ({@link #EXIT_CALLS_CANCELLED}) after a shutdown that had to cancel calls still running when the
 * grace period ended. Signals other than SIGTERM and SIGINT (SIGHUP) also stop the server
 * gracefully, with the JVM's exit code (128 + the signal number).
 */
@Command(
    name = "textsim-server",
    mixinStandardHelpOptions = true,
    versionProvider = ServerCommand.Version.class,
    sortOptions = false,
    description = {
      "Serves textsim.v1.SimilarityService, grpc.health.v1.Health and server reflection over gRPC.",
      "Every flag can also be set by the environment variable TEXTSIM_<FLAG> (e.g."
          + " TEXTSIM_PORT, TEXTSIM_MAX_TEXT_CHARS); a flag wins over its variable.",
      ""
    },
    footer = {
      "",
      "Stops gracefully on SIGTERM or Ctrl-C: health turns NOT_SERVING, calls in flight finish"
          + " within the grace period, then the rest are cancelled.",
      "Exit codes: 0 after a clean stop (every call finished within the grace period), 1 if it"
          + " cannot start, 2 for bad flags, 3 if calls were cancelled at the end of the grace"
          + " period."
    })
final class ServerCommand implements Callable<Integer> {
  private static final Logger logger = Logger.getLogger(ServerCommand.class.getName());

  /**
   * The exit code after a stop that had to cancel calls still running at the end of the grace
   * period (or whose shutdown failed); a stop in which every call finished exits 0.
   */
  static final int EXIT_CALLS_CANCELLED = 3;

  /** The prefix of the environment variables. */
  static final String ENV_PREFIX = "TEXTSIM_";

  @Spec CommandSpec spec;

  @Mixin MetricsOptions metrics = new MetricsOptions();

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = ServerConfig.DEFAULT_HOST,
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + ServerConfig.DEFAULT_PORT,
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description = "Worker threads computing answers; 0 means one per core (default: 0).")
  int threads;

  @Option(
      names = "--queue-size",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_QUEUE_SIZE,
      description =
          "Calls that may wait for a worker; beyond that, calls are answered RESOURCE_EXHAUSTED"
              + " with retry info (default: ${DEFAULT-VALUE}).")
  int queueSize;

  @Option(
      names = "--max-message-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_MESSAGE_BYTES,
      description =
          "Largest request message; larger ones are RESOURCE_EXHAUSTED (default: ${DEFAULT-VALUE}).")
  int maxMessageBytes;

  @Option(
      names = "--max-text-chars",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_TEXT_CHARS,
      description =
          "Longest single text, in UTF-16 code units; longer ones are INVALID_ARGUMENT"
              + " (default: ${DEFAULT-VALUE}).")
  int maxTextChars;

  @Option(
      names = "--max-documents",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_DOCUMENTS,
      description =
          "Most documents (Cluster, ClusterStream) or candidates (CompareMany) per call"
              + " (default: ${DEFAULT-VALUE}).")
  int maxDocuments;

  @Option(
      names = "--max-stream-chars",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_STREAM_CHARS,
      description =
          "Most text one ClusterStream may send in total, in UTF-16 code units"
              + " (default: ${DEFAULT-VALUE}).")
  long maxStreamChars;

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Server certificate chain (PEM); with --tls-key turns TLS on.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description =
          "Server private key (PKCS#8 PEM, unencrypted), checked against --tls-cert at start;"
              + " a PKCS#1 key is refused with the openssl command that converts it.")
  Path tlsKey;

  @Option(
      names = "--tls-client-ca",
      paramLabel = "PEM",
      description =
          "CA certificates (PEM) that client certificates must chain to: turns on mutual TLS;"
              + " clients without a valid certificate are refused.")
  Path tlsClientCa;

  @Option(
      names = "--reflection",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Offer server reflection (grpc.reflection.v1), so that clients without the .proto"
              + " files (buf curl, grpcurl) work (default: on).")
  boolean reflection;

  @Option(
      names = "--grace-period",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "How long shutdown waits for calls in flight, e.g. 30s, 500ms, 2m, PT30S; a bare number"
              + " is seconds (default: 30s).")
  Duration gracePeriod;

  @Option(
      names = "--max-call-time",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = MaxCallTimeConverter.class,
      description =
          "The longest one call may run; a call without a deadline, or with a later one, is"
              + " stopped then with DEADLINE_EXCEEDED. 0 for no limit (default: 10m).")
  Duration maxCallTime;

  @Option(
      names = "--memory-budget",
      paramLabel = "SIZE",
      defaultValue = "60%",
      converter = MemorySizeConverter.class,
      description =
          "Heap the calls in flight may hold between them, by the server's estimate of each call"
              + " (texts, profiles, shingle sets, clustering state, edit-distance workspaces):"
              + " bytes with an optional suffix (k, m, g: KiB, MiB, GiB, e.g. 300m) or a share of"
              + " the heap (-Xmx) such as 60%. A call that does not fit now is answered"
              + " RESOURCE_EXHAUSTED with retry info, one that can never fit RESOURCE_EXHAUSTED"
              + " saying so; streams stop at the first document that does not fit"
              + " (default: 60% of the heap).")
  long memoryBudget;

  @Option(
      names = "--index-dir",
      paramLabel = "DIR",
      description =
          "Serve textsim.v1.IndexService with the named indexes kept under DIR (created if"
              + " missing); without it the service answers FAILED_PRECONDITION.")
  Path indexDir;

  /** Runs the command with the process environment; returns the exit code. */
  static int execute(String... args) {
    return commandLine(new ServerCommand(), System.getenv()).execute(args);
  }

  /** The command line of {@code command}, with defaults from {@code environment}. */
  static CommandLine commandLine(ServerCommand command, Map<String, String> environment) {
    CommandLine cli = new CommandLine(command);
    cli.setDefaultValueProvider(new EnvironmentDefaults(environment));
    cli.setParameterExceptionHandler(ServerCommand::badFlags);
    return cli;
  }

  /** The configuration the flags describe. */
  ServerConfig config() {
    try {
      return ServerConfig.builder()
          .host(host)
          .port(port)
          .threads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads)
          .queueSize(queueSize)
          .maxMessageBytes(maxMessageBytes)
          .maxTextChars(maxTextChars)
          .maxDocuments(maxDocuments)
          .maxStreamChars(maxStreamChars)
          .tls(tlsCert, tlsKey)
          .tlsClientCa(tlsClientCa)
          .reflection(reflection)
          .gracePeriod(gracePeriod)
          .maxCallTime(maxCallTime)
          .memoryBudget(memoryBudget)
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), withFlags(e.getMessage()), e);
    }
  }

  /** The settings {@link ServerConfig} names in its messages, each the camel case of its flag. */
  private static final Pattern SETTING =
      Pattern.compile(
          "(?<![-\\w])(host|port|threads|queueSize|maxMessageBytes|maxTextChars|maxDocuments"
              + "|maxStreamChars|tlsCert|tlsKey|tlsClientCa|gracePeriod|maxCallTime|memoryBudget)(?!\\w)");

  /** {@code message} with each setting named by its flag: {@code tlsCert} is {@code --tls-cert}. */
  static String withFlags(String message) {
    return SETTING
        .matcher(message)
        .replaceAll(r -> "--" + r.group(1).replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
  }

  /**
   * Reports a bad flag in its own words and a pointer to --help, without the whole usage: the usage
   * runs to a screen and a half, and the line that matters scrolled away above it.
   */
  static int badFlags(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("textsim-server: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try 'textsim-server --help' for the flags.");
    err.flush();
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public Integer call() {
    ServerConfig config = config();
    PrintWriter err = spec.commandLine().getErr();
    Optional<MetricsEndpoint> endpoint;
    try {
      endpoint = metrics.open();
    } catch (IOException | RuntimeException e) {
      err.println("textsim-server: cannot serve metrics on " + metrics + ": " + message(e));
      return 1;
    }
    TextsimServer server;
    try {
      server = new TextsimServer(config, endpoint, Optional.ofNullable(indexDir));
    } catch (TlsFileException e) {
      endpoint.ifPresent(MetricsEndpoint::close);
      err.println(
          "textsim-server: cannot start TLS: "
              + flag(e.role())
              + " "
              + e.file()
              + ": "
              + e.problem());
      return 1;
    } catch (IOException | RuntimeException e) {
      endpoint.ifPresent(MetricsEndpoint::close);
      err.println("textsim-server: cannot use the TLS certificate or key: " + message(e));
      return 1;
    }
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      endpoint.ifPresent(MetricsEndpoint::close);
      err.println("textsim-server: cannot listen on " + host + ":" + port + ": " + message(e));
      return 1;
    }
    ServerLogManager.deferResets();
    AtomicBoolean begun = new AtomicBoolean();
    CompletableFuture<Boolean> stopped = new CompletableFuture<>();
    Runnable stop =
        () -> {
          try {
            logger.info(
                "shutting down: waiting up to "
                    + config.gracePeriod().toMillis()
                    + " ms for calls in flight");
            stopped.complete(server.stop());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            stopped.complete(false); // if stop() failed: not a clean stop (no effect otherwise)
          }
        };
    // SIGTERM and Ctrl-C stop the server here and the exit code below says how it went; the hook
    // covers every other way the JVM may end (SIGHUP, or a JVM that keeps the signals itself).
    StopSignals.handle(
        "textsim-shutdown",
        () -> {
          if (begun.compareAndSet(false, true)) {
            stop.run();
          }
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    if (begun.compareAndSet(false, true)) {
                      stop.run();
                    } else {
                      stopped.join(); // the signal's stop: let it finish before the JVM ends
                    }
                  } finally {
                    ServerLogManager.resetNow();
                  }
                },
                "textsim-shutdown-hook"));
    return stopped.join() ? 0 : EXIT_CALLS_CANCELLED;
  }

  private static String flag(TlsFileException.Role role) {
    return switch (role) {
      case CERTIFICATE_CHAIN -> "--tls-cert";
      case PRIVATE_KEY -> "--tls-key";
      case TRUSTED_CERTIFICATES -> "--tls-client-ca";
    };
  }

  private static String message(Throwable e) {
    Throwable t = e;
    StringBuilder out = new StringBuilder(String.valueOf(t.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && !out.toString().contains(t.getMessage())) {
        out.append(": ").append(t.getMessage());
      }
    }
    return out.toString();
  }

  /** Takes each option's default from its environment variable, if set. */
  static final class EnvironmentDefaults implements IDefaultValueProvider {
    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The variable of an option: {@code --max-text-chars} is {@code TEXTSIM_MAX_TEXT_CHARS}. */
    static String variable(OptionSpec option) {
      return ENV_PREFIX
          + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
      if (argSpec instanceof OptionSpec option && !option.usageHelp() && !option.versionHelp()) {
        String value = environment.get(variable(option));
        if (value != null && !value.isBlank()) {
          return value.strip();
        }
      }
      return null; // the annotation's default
    }
  }

  /**
   * Reads a duration flag (--grace-period) in the grammar of {@link Durations}: {@code 30s}, {@code
   * 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 7d}, a bare number of seconds, or ISO-8601
   * ({@code PT30S}); 0 to 365d.
   */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value, Duration.ZERO, ServerConfig.MAX_DURATION);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads --max-call-time: a duration as {@link DurationConverter} reads it, 0 or at least 1ms. */
  static final class MaxCallTimeConverter implements ITypeConverter<Duration> {
    private final DurationConverter durations = new DurationConverter();

    @Override
    public Duration convert(String value) {
      Duration d = durations.convert(value);
      if (!d.isZero() && d.compareTo(ServerConfig.MIN_MAX_CALL_TIME) < 0) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is out of range; the duration must be 0 (no limit) or between "
                + Durations.format(ServerConfig.MIN_MAX_CALL_TIME)
                + " and "
                + Durations.format(ServerConfig.MAX_DURATION));
      }
      return d;
    }
  }

  /**
   * Reads --memory-budget: bytes ({@code 314572800}), with a binary suffix ({@code 300k}, {@code
   * 300m}, {@code 2g}, also {@code KiB}, {@code MiB}, {@code GiB}, {@code KB}, {@code MB}, {@code
   * GB}: all powers of 1024), or a share of the heap ({@code 60%}, of {@code -Xmx}).
   */
  static final class MemorySizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE =
        Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib|%)");

    @Override
    public Long convert(String value) {
      java.util.regex.Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not a size: give bytes, e.g. 300m, 2g, 314572800, or a share of"
                + " the heap such as 60%");
      }
      double number = Double.parseDouble(m.group(1));
      String unit = m.group(2);
      double bytes;
      if (unit.equals("%")) {
        if (number <= 0 || number > 100) {
          throw new TypeConversionException(
              "'" + value + "': a share of the heap must be above 0% and at most 100%");
        }
        bytes = Runtime.getRuntime().maxMemory() * number / 100;
      } else {
        int power = unit.isEmpty() || unit.equals("b") ? 0 : "kmgt".indexOf(unit.charAt(0)) + 1;
        bytes = number * Math.pow(1024, power);
      }
      if (bytes < 1 || bytes >= Long.MAX_VALUE) {
        throw new TypeConversionException(
            "'" + value + "' is out of range; the budget must be at least 1 byte");
      }
      return (long) bytes;
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = TextsimServer.class.getPackage().getImplementationVersion();
      return new String[] {"textsim-server " + (v == null ? "(development build)" : v)};
    }
  }
}
