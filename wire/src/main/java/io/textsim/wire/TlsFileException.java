package io.textsim.wire;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A TLS file that cannot be used: unreadable, not PEM, a key in a form the JDK does not read, or a
 * key that is not the one of its certificate. Thrown before anything listens or connects, so that
 * the caller can name the flag that gave {@link #file()} in one line instead of failing every
 * handshake later. An {@link IOException}, as an unreadable file is: callers that only report file
 * problems need no new catch.
 */
public final class TlsFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What the file was given as. */
  public enum Role {
    /** A certificate chain, leaf first. */
    CERTIFICATE_CHAIN,
    /** The private key of the chain's leaf certificate. */
    PRIVATE_KEY,
    /** CA certificates that the peer's certificate must chain to. */
    TRUSTED_CERTIFICATES
  }

  private final Role role;
  private final transient Path file;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param role what the file was given as
   * @param file the file
   * @param problem what is wrong with it, a phrase to follow the file name and a colon
   */
  public TlsFileException(Role role, Path file, String problem) {
    super(file + ": " + problem);
    this.role = Objects.requireNonNull(role, "role");
    this.file = Objects.requireNonNull(file, "file");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** What the file was given as. */
  public Role role() {
    return role;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** What is wrong with the file, without its name. */
  public String problem() {
    return problem;
  }
}
