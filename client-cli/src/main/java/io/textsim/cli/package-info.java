/**
 * The {@code client-cli} command line: {@code compare}, {@code cluster}, {@code search}, {@code
 * index} and {@code health}, on picocli.
 *
 * <p>Layout: {@link io.textsim.cli.Main} is the top command; each subcommand is a {@code
 * Callable<Integer>} returning its exit code, with the shared options in mixins ({@code
 * ProfileOptions}, {@code ServerOptions}). A command reads and checks its inputs ({@code Inputs};
 * {@code TextDecoding}: strict UTF-8, size limit, one-line errors), runs them through a {@code
 * Backend} and prints the backend-neutral, typed {@code Reports} as text, JSON or CSV. Both
 * backends are adapters: {@code LocalBackend} calls the core's use cases ({@code
 * io.textsim.core.usecase}) in this process; {@code RemoteBackend} maps the same settings to a
 * server's {@code textsim.v1.SimilarityService} through the shared wire mapping ({@code
 * io.textsim.wire}), with {@code Channels} (plain or TLS), {@code RemoteCalls} (deadline, overload
 * retries, one-line failures) and {@code ClusterUpload} (the flow-controlled stream). Because both
 * produce the same reports, local and remote output are byte for byte the same.
 *
 * <p>{@code index add|query|remove|stats} follow the same shape with an {@code IndexBackend}:
 * {@code LocalIndex} opens an index directory in this process through the index library ({@code
 * io.textsim.index}), {@code RemoteIndex} calls a server's {@code textsim.v1.IndexService}; the
 * server's answers map onto the library's results through the same wire mapping ({@code WireIndex})
 * the server answers with, and {@code IndexOutput} prints them.
 *
 * <p>Exit codes: 0 done, 1 bad input or a runtime error (one line on stderr, never a stack trace),
 * 2 usage error.
 */
package io.textsim.cli;
