package io.textsim.server;

import com.google.protobuf.CodedOutputStream;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.textsim.proto.v1.Document;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.BooleanSupplier;

/** Texts and helpers shared by the server tests. */
final class Fixtures {
  private Fixtures() {}

  /** The seed pair: one story as published by two outlets. */
  static final String MEHR = read("mehr-news.txt");

  static final String TEHRAN = read("tehran-times.txt");

  private static String read(String name) {
    try {
      return Files.readString(Path.of("..", "examples", "articles", name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document doc(String id, String text) {
    return Document.newBuilder().setId(id).setText(text).build();
  }

  /** {@code n} random lower-case letters: two such texts are as unlike as texts get. */
  static String randomLetters(long seed, int n) {
    Random r = new Random(seed);
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = (char) ('a' + r.nextInt(26));
    }
    return new String(out);
  }

  /** Random words from a small vocabulary, so that some texts share shingles. */
  static String randomWords(Random r, int words) {
    String[] vocabulary = {
      "river", "meadow", "valley", "farmer", "harvest", "city", "tower", "market", "street",
          "train",
      "the", "and", "of", "news", "story", "said", "minister", "talks", "agreement", "report"
    };
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        out.append(i % 12 == 0 ? ".\n" : " ");
      }
      out.append(vocabulary[r.nextInt(vocabulary.length)]);
    }
    return out.toString();
  }

  /** Marshals byte arrays as they are: for sending requests no stub would produce. */
  static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  /** Calls the unary method {@code fullMethodName} with {@code request} as raw bytes. */
  static byte[] callRaw(Channel channel, String fullMethodName, byte[] request) {
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(fullMethodName)
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();
    return ClientCalls.blockingUnaryCall(
        channel,
        method,
        CallOptions.DEFAULT.withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS),
        request);
  }

  /** A length-delimited field: tag, length, bytes. */
  static byte[] field(int number, byte[] value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeByteArray(number, value);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** "caf" then a lone continuation byte: not UTF-8. */
  static final byte[] INVALID_UTF8 = {'c', 'a', 'f', (byte) 0xA9, ' ', (byte) 0xC3, '('};

  /** Collects the call log's lines while open. */
  static final class CallLogCapture implements AutoCloseable {
    private final java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger(CallLog.LOGGER);
    private final java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };

    CallLogCapture() {
      logger.addHandler(handler);
    }

    /** The lines so far. */
    java.util.List<String> lines() {
      return java.util.List.copyOf(lines);
    }

    /** Waits up to 10 s for a line containing every one of {@code parts}; returns it. */
    String await(String... parts) throws InterruptedException {
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < end) {
        for (String line : lines) {
          if (java.util.Arrays.stream(parts).allMatch(line::contains)) {
            return line;
          }
        }
        Thread.sleep(5);
      }
      throw new AssertionError(
          "no log line with " + java.util.Arrays.toString(parts) + " in " + lines);
    }

    @Override
    public void close() {
      logger.removeHandler(handler);
    }
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes; returns whether it held. */
  static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
