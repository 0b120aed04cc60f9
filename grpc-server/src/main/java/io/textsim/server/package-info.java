/**
 * The textsim gRPC server: {@code textsim.v1.SimilarityService} over the core, with health,
 * reflection, TLS, limits, deadlines and graceful shutdown.
 *
 * <ul>
 *   <li>{@link io.textsim.server.TextsimServer}: start, stop, block until shutdown, main;
 *   <li>{@link io.textsim.server.ServerConfig}: every setting, with its flag, environment variable
 *       and default;
 *   <li>{@code SimilarityServiceImpl} hands each call to the bounded {@code WorkerPool}, where
 *       {@code ProtoMapper} adapts it to the core's use cases through the shared wire mapping
 *       ({@code io.textsim.wire}), adding the server's limits;
 *   <li>{@code RequestParsing} turns undecodable requests (invalid UTF-8) into INVALID_ARGUMENT;
 *       {@code Errors} maps everything else per the design's error table; {@code CallLog} logs one
 *       line per call.
 * </ul>
 *
 * <p>Cancellation: each call's gRPC context is adapted to the core's {@link
 * io.textsim.core.Cancellation} ({@code ContextCancellation}), so deadlines and client cancels stop
 * edit distance and clustering inside their loops.
 */
package io.textsim.server;
