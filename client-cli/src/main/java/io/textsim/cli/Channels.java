package io.textsim.cli;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.textsim.wire.TlsFileException;
import io.textsim.wire.TlsFiles;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens and closes the channel to a server: address, plain or TLS (with a client certificate for
 * mTLS).
 */
final class Channels {
  private static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;

  /** Kept so that the level set below sticks (JUL holds loggers weakly). */
  private static final Logger GRPC_LOGGER = Logger.getLogger("io.grpc");

  static {
    // gRPC logs transport trouble with stack traces; the user gets one line from us instead.
    GRPC_LOGGER.setLevel(Level.OFF);
  }

  private Channels() {}

  /** A channel to the server the options name (nothing is sent yet). */
  static ManagedChannel open(ServerOptions options) {
    ServerOptions.Target target = options.target();
    return Grpc.newChannelBuilderForAddress(target.host(), target.port(), credentials(options))
        .maxInboundMessageSize(MAX_INBOUND_BYTES)
        .userAgent("textsim-client-cli/" + VersionProvider.version())
        .build();
  }

  /** Closes {@code channel} at once, waiting briefly for its threads. */
  static void close(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ChannelCredentials credentials(ServerOptions options) {
    if (!options.useTls()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    if (options.tlsCa != null) {
      try {
        tls.trustManager(options.tlsCa.toFile());
      } catch (Exception e) {
        throw CliException.input(options.tlsCa.toString(), "not a usable PEM CA file: " + why(e));
      }
    }
    if (options.tlsCert != null) {
      // Checked here: gRPC takes a key that is not the certificate's, and the handshake that then
      // fails reads as a server that cannot be reached.
      TlsFiles.KeyPairFiles pair;
      try {
        pair = TlsFiles.readKeyPair(options.tlsCert, options.tlsKey);
      } catch (TlsFileException e) {
        throw CliException.input(e.file().toString(), e.problem());
      }
      try {
        tls.keyManager(
            new ByteArrayInputStream(pair.certificateChain()),
            new ByteArrayInputStream(pair.privateKey()));
      } catch (Exception e) {
        throw CliException.input(
            options.tlsCert + " / " + options.tlsKey,
            "not a usable PEM certificate and PKCS#8 key: " + why(e));
      }
    }
    return tls.build();
  }

  private static String why(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
