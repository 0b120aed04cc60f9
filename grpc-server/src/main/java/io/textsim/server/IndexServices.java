package io.textsim.server;

import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.textsim.index.IndexOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the server's IndexService from its configuration, as the SimilarityService is built. */
final class IndexServices {
  private IndexServices() {}

  /** The registry of {@code --index-dir} (disabled without it), with the server's text limit. */
  static IndexRegistry registry(ServerConfig config, Optional<Path> indexDir) {
    return indexDir
        .map(
            dir ->
                IndexRegistry.under(
                    dir, IndexOptions.defaults().withMaxTextLength(config.maxTextChars())))
        .orElseGet(IndexRegistry::disabled);
  }

  /** The IndexService, request-guarded and with the server's call time limit. */
  static ServerServiceDefinition definition(
      ServerConfig config,
      IndexRegistry indexes,
      WorkerPool workers,
      MemoryAdmission memory,
      ScheduledExecutorService deadlineTimer) {
    ServerServiceDefinition service =
        RequestParsing.guard(
            new IndexServiceImpl(
                    indexes,
                    new IndexMapper(config.maxTextChars(), config.maxDocuments()),
                    workers,
                    config.maxStreamChars(),
                    memory)
                .bindService());
    if (!config.maxCallTime().isZero()) {
      service =
          ServerInterceptors.intercept(
              service, new CallTimeLimit(config.maxCallTime(), deadlineTimer));
    }
    return service;
  }
}
