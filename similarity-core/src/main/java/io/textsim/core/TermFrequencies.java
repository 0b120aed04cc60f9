package io.textsim.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * A bag of words: each distinct token hash with the number of times it occurs, sorted by hash so
 * that two bags are compared by a linear merge.
 *
 * <p>Immutable and thread-safe.
 */
public final class TermFrequencies {
  private static final TermFrequencies EMPTY = new TermFrequencies(new long[0], new int[0]);

  private final long[] terms;
  private final int[] counts;
  private final double norm;

  private TermFrequencies(long[] terms, int[] counts) {
    this.terms = terms;
    this.counts = counts;
    double sum = 0;
    for (int c : counts) {
      sum += (double) c * c;
    }
    this.norm = Math.sqrt(sum);
  }

  /** Counts the token hashes of one text (in any order; the array is not changed). */
  public static TermFrequencies of(long[] tokenHashes) {
    Objects.requireNonNull(tokenHashes, "tokenHashes");
    if (tokenHashes.length == 0) {
      return EMPTY;
    }
    long[] sorted = tokenHashes.clone();
    Arrays.sort(sorted);
    long[] terms = new long[sorted.length];
    int[] counts = new int[sorted.length];
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (distinct > 0 && terms[distinct - 1] == sorted[i]) {
        counts[distinct - 1]++;
      } else {
        terms[distinct] = sorted[i];
        counts[distinct++] = 1;
      }
    }
    return new TermFrequencies(Arrays.copyOf(terms, distinct), Arrays.copyOf(counts, distinct));
  }

  /** The number of distinct terms. */
  public int size() {
    return terms.length;
  }

  /** The {@code i}-th smallest term hash. */
  public long term(int i) {
    return terms[i];
  }

  /** How often the {@code i}-th term occurs. */
  public int count(int i) {
    return counts[i];
  }

  /** The Euclidean norm of the count vector. */
  public double norm() {
    return norm;
  }

  /** The dot product of the two count vectors. */
  public double dot(TermFrequencies other) {
    long[] a = terms;
    long[] b = other.terms;
    int i = 0;
    int j = 0;
    double sum = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        sum += (double) counts[i++] * other.counts[j++];
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return "TermFrequencies[distinct=" + terms.length + "]";
  }
}
