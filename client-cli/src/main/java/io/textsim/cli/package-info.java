/**
 * The {@code client-cli} command line: {@code compare}, {@code cluster}, {@code search} and {@code
 * health}, on picocli.
 *
 * <p>Layout: {@link io.textsim.cli.Main} is the top command; each subcommand is a {@code
 * Callable<Integer>} returning its exit code, with the shared options in mixins ({@code
 * ProfileOptions}, {@code ServerOptions}). A command reads and checks its inputs ({@code Inputs}:
 * strict UTF-8, size limit, one-line errors), runs them through a {@code Backend} — the core in
 * this process ({@code LocalBackend}) or a server's {@code textsim.v1.SimilarityService} ({@code
 * RemoteBackend}) — and prints the backend-neutral {@code Reports} as text, JSON or CSV. Because
 * both backends produce the same reports, local and remote output are byte for byte the same.
 *
 * <p>Exit codes: 0 done, 1 bad input or a runtime error (one line on stderr, never a stack trace),
 * 2 usage error.
 */
package io.textsim.cli;
