package io.textsim.core.furniture;

import io.textsim.core.shingle.ShingleSet;
import java.util.Objects;

/**
 * What {@link FurnitureLearner} needs to know about one source once its shingles are counted, for
 * engines that count elsewhere (a distributed job) and finish with {@link
 * FurnitureLearner#learnSource(SourceCounts, boolean, FurnitureOptions,
 * io.textsim.core.Cancellation)}.
 *
 * <p>The source's documents are taken in the learner's fixed order: by {@link
 * io.textsim.core.shingle.ShingleHashing#token(CharSequence)} of the id, then by id, then by input
 * position. Sampled documents are named by their index into {@link #samples}, and listed in that
 * order.
 *
 * <p>Holds its arrays as given: build it with {@link #of}, which copies them. Immutable and
 * thread-safe.
 */
public final class SourceCounts {
  private final int documents;
  private final long[] shingles;
  private final int[] frequencies;
  private final int[][] firstDocuments;
  private final int[] frameSample;
  private final ShingleSet[] samples;

  private SourceCounts(
      int documents,
      long[] shingles,
      int[] frequencies,
      int[][] firstDocuments,
      int[] frameSample,
      ShingleSet[] samples) {
    this.documents = documents;
    this.shingles = shingles;
    this.frequencies = frequencies;
    this.firstDocuments = firstDocuments;
    this.frameSample = frameSample;
    this.samples = samples;
  }

  /**
   * Validates and copies the counts of one source.
   *
   * @param documents the number of the source's documents
   * @param shingles the recurring shingles (in at least {@code minDocuments} of the source's
   *     documents), strictly ascending
   * @param frequencies {@code frequencies[c]}: the number of the source's documents holding {@code
   *     shingles[c]}
   * @param firstDocuments {@code firstDocuments[c]}: the first {@code min(frequencies[c], sample)}
   *     documents, in the fixed order, that hold {@code shingles[c]}
   * @param frameSample the source's first {@code min(documents, sample)} documents in the fixed
   *     order
   * @param samples the shingle sets of the documents named above
   * @throws IllegalArgumentException if the lengths differ, the shingles are not strictly
   *     ascending, a frequency is not in 1..documents, or an index is outside {@code samples}
   */
  public static SourceCounts of(
      int documents,
      long[] shingles,
      int[] frequencies,
      int[][] firstDocuments,
      int[] frameSample,
      ShingleSet[] samples) {
    Objects.requireNonNull(shingles, "shingles");
    Objects.requireNonNull(frequencies, "frequencies");
    Objects.requireNonNull(firstDocuments, "firstDocuments");
    Objects.requireNonNull(frameSample, "frameSample");
    Objects.requireNonNull(samples, "samples");
    if (documents < 0) {
      throw new IllegalArgumentException("documents must be >= 0, got " + documents);
    }
    int c = shingles.length;
    if (frequencies.length != c || firstDocuments.length != c) {
      throw new IllegalArgumentException(
          "shingles, frequencies and firstDocuments differ in length: "
              + c
              + ", "
              + frequencies.length
              + ", "
              + firstDocuments.length);
    }
    for (int i = 0; i < samples.length; i++) {
      Objects.requireNonNull(samples[i], "samples[" + i + "]");
    }
    int[][] first = new int[c][];
    for (int i = 0; i < c; i++) {
      if (i > 0 && shingles[i] <= shingles[i - 1]) {
        throw new IllegalArgumentException(
            "shingles must be strictly ascending, but shingles[" + i + "] is not");
      }
      if (frequencies[i] < 1 || frequencies[i] > documents) {
        throw new IllegalArgumentException(
            "frequencies[" + i + "] must be in 1.." + documents + ", got " + frequencies[i]);
      }
      first[i] =
          checkIndices(
              Objects.requireNonNull(firstDocuments[i], "firstDocuments[" + i + "]"),
              samples.length,
              "firstDocuments[" + i + "]");
    }
    return new SourceCounts(
        documents,
        shingles.clone(),
        frequencies.clone(),
        first,
        checkIndices(frameSample, samples.length, "frameSample"),
        samples.clone());
  }

  private static int[] checkIndices(int[] indices, int samples, String name) {
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= samples) {
        throw new IllegalArgumentException(
            name
                + "["
                + i
                + "] must be an index into samples (0.."
                + (samples - 1)
                + "), got "
                + indices[i]);
      }
    }
    return indices.clone();
  }

  /** The number of the source's documents. */
  public int documents() {
    return documents;
  }

  /** The number of recurring shingles. */
  public int recurring() {
    return shingles.length;
  }

  /** The {@code c}-th recurring shingle, in ascending order. */
  public long shingle(int c) {
    return shingles[c];
  }

  /** The number of the source's documents holding the {@code c}-th recurring shingle. */
  public int frequency(int c) {
    return frequencies[c];
  }

  /** The first documents holding the {@code c}-th recurring shingle (a copy). */
  public int[] firstDocuments(int c) {
    return firstDocuments[c].clone();
  }

  /** The source's first documents (a copy). */
  public int[] frameSample() {
    return frameSample.clone();
  }

  /** The shingle set of sampled document {@code i}. */
  public ShingleSet sample(int i) {
    return samples[i];
  }

  /** The number of sampled documents. */
  public int samples() {
    return samples.length;
  }

  long[] shingleArray() {
    return shingles;
  }

  int[] frequencyArray() {
    return frequencies;
  }

  ShingleSet[] sampleArray() {
    return samples;
  }
}
