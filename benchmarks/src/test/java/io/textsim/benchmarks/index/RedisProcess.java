package io.textsim.benchmarks.index;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} (the Debian package) as a child process on a free loopback port,
 * without persistence; tests that need one skip, saying why, when it is not installed.
 */
final class RedisProcess implements AutoCloseable {
  private final Process process;
  final int port;

  private RedisProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The redis-server on the PATH, if any. */
  static Optional<Path> executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, "redis-server");
      if (p.toFile().canExecute()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Starts one, or skips the test if redis-server is not installed. */
  static RedisProcess start(Path dir) throws IOException, InterruptedException {
    Optional<Path> exe = executable();
    assumeTrue(
        exe.isPresent(),
        "redis-server is not on the PATH (Debian: apt-get install redis-server); the Redis peer's"
            + " tests are skipped");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(
                exe.get().toString(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisProcess redis = new RedisProcess(p, port);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      try (Jedis j = new Jedis("127.0.0.1", port)) {
        if ("PONG".equals(j.ping())) {
          return redis;
        }
      } catch (RuntimeException e) {
        Thread.sleep(50); // not listening yet
      }
    }
    redis.close();
    throw new IllegalStateException("redis-server did not answer PING within 30 s");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
