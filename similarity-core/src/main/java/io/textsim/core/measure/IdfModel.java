package io.textsim.core.measure;

import io.textsim.core.TermFrequencies;
import io.textsim.core.TextProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Inverse document frequencies of the word tokens of a collection, for TF-IDF cosine.
 *
 * <p>{@code idf(t) = ln((1 + N) / (1 + df(t))) + 1}, the smoothed form used by scikit-learn: a term
 * in every document still weighs 1, an unseen term weighs the most, and no weight is ever 0, so a
 * non-blank text never has a zero vector. Stored as a sorted array of term hashes with their
 * document frequencies (binary search), about 12 bytes per distinct term.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdfModel {
  private final int documents;
  private final long[] terms;
  private final int[] documentFrequencies;

  private IdfModel(int documents, long[] terms, int[] documentFrequencies) {
    this.documents = documents;
    this.terms = terms;
    this.documentFrequencies = documentFrequencies;
  }

  /** Builds the model from a collection of profiles. Cost: O(T log T) for T distinct terms. */
  public static IdfModel of(Iterable<TextProfile> profiles) {
    Objects.requireNonNull(profiles, "profiles");
    List<TermFrequencies> terms = new ArrayList<>();
    for (TextProfile p : profiles) {
      terms.add(Objects.requireNonNull(p, "profiles contains null").terms());
    }
    return ofTerms(terms);
  }

  /**
   * Builds the model from the term frequencies of a collection, one per document ({@link
   * TextProfile#terms()}), for callers that keep those and not the whole profiles.
   */
  public static IdfModel ofTerms(Iterable<TermFrequencies> documentTerms) {
    Objects.requireNonNull(documentTerms, "documentTerms");
    long[] all = new long[1024];
    int size = 0;
    int documents = 0;
    for (TermFrequencies tf : documentTerms) {
      Objects.requireNonNull(tf, "documentTerms contains null");
      documents++;
      if (size + tf.size() > all.length) {
        all = Arrays.copyOf(all, Math.max(all.length * 2, size + tf.size()));
      }
      for (int i = 0; i < tf.size(); i++) {
        all[size++] = tf.term(i);
      }
    }
    Arrays.sort(all, 0, size);
    long[] terms = new long[size];
    int[] df = new int[size];
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (distinct > 0 && terms[distinct - 1] == all[i]) {
        df[distinct - 1]++;
      } else {
        terms[distinct] = all[i];
        df[distinct++] = 1;
      }
    }
    return new IdfModel(documents, Arrays.copyOf(terms, distinct), Arrays.copyOf(df, distinct));
  }

  /** The number of documents the model was built from. */
  public int documents() {
    return documents;
  }

  /** The number of documents that contain the term with hash {@code term}. */
  public int documentFrequency(long term) {
    int i = Arrays.binarySearch(terms, term);
    return i >= 0 ? documentFrequencies[i] : 0;
  }

  /** The inverse document frequency of {@code term}, always >= 1. */
  public double idf(long term) {
    return Math.log((1.0 + documents) / (1.0 + documentFrequency(term))) + 1.0;
  }

  @Override
  public String toString() {
    return "IdfModel[documents=" + documents + ", terms=" + terms.length + "]";
  }
}
