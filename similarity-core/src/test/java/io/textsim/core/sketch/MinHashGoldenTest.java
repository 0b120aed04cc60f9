package io.textsim.core.sketch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.shingle.Shingler;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Frozen signatures: see {@code src/test/resources/io/textsim/core/sketch/README.md}. */
class MinHashGoldenTest {

  static Stream<Arguments> goldenFiles() {
    ShingleSet text = SketchTestData.textShingles();
    ShingleSet sparse =
        Shingler.shingle(
            SketchTestData.tokenHashes("the quick brown fox jumps over"), ShingleConfig.words(4));
    return Stream.of(
        Arguments.of(
            "minhash-v1-classic-k128-seed42.bin",
            MinHashParameters.classic(128, 42, ShingleConfig.words(4)),
            text),
        Arguments.of(
            "minhash-v1-oph-k128-seed42.bin",
            MinHashParameters.onePermutation(128, 42, ShingleConfig.words(4)),
            text),
        Arguments.of(
            "minhash-v1-oph-k128-seed42-sparse.bin",
            MinHashParameters.onePermutation(128, 42, ShingleConfig.words(4)),
            sparse),
        Arguments.of(
            "minhash-v1-classic-k8-seedm7-chars5-empty.bin",
            MinHashParameters.classic(8, -7, ShingleConfig.characters(5)),
            ShingleSet.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void signatureIsByteForByteTheGoldenFile(
      String file, MinHashParameters parameters, ShingleSet input) throws IOException {
    byte[] golden = read(file);
    MinHashSignature computed = MinHasher.of(parameters).sign(input);
    assertArrayEquals(golden, computed.toBytes(), "hash functions or format changed: " + file);
    MinHashSignature read = MinHashSignature.fromBytes(golden);
    assertEquals(computed, read);
    assertEquals(parameters, read.parameters());
    assertArrayEquals(golden, read.toBytes());
    assertArrayEquals(ReferenceMinHash.slots(parameters, input), read.slots());
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in = MinHashGoldenTest.class.getResourceAsStream(name)) {
      assertNotNull(in, "missing golden file " + name);
      return in.readAllBytes();
    }
  }
}
