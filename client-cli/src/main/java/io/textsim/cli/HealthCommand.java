package io.textsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code health --server HOST:PORT}: asks a server's standard health service. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Asks a textsim server's health service (grpc.health.v1.Health/Check) and prints its"
          + " status.",
      "Exit code 0 if SERVING, 1 otherwise (NOT_SERVING, unknown service, unreachable)."
    })
final class HealthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--service",
      order = 1,
      paramLabel = "NAME",
      defaultValue = "",
      description =
          "The service to ask about, e.g. textsim.v1.SimilarityService (default: the whole"
              + " server).")
  String service;

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    server.validate();
    if (!server.remote()) {
      throw new ParameterException(
          spec.commandLine(), "health asks a server: give --server HOST:PORT");
    }
    String status = RemoteBackend.health(server, service);
    PrintWriter out = spec.commandLine().getOut();
    out.println(server.target() + (service.isEmpty() ? "" : " " + service) + ": " + status);
    out.flush();
    return "SERVING".equals(status) ? Main.OK : Main.FAILED;
  }
}
