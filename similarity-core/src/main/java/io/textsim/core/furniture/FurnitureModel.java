package io.textsim.core.furniture;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleLookup;
import io.textsim.core.shingle.ShingleSet;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learned page furniture: for each source, the shingles that recur across its documents that are
 * otherwise unlike each other (navigation, cookie notices, licence lines, comment forms,
 * related-story lists, site frames). Made by {@link FurnitureLearner}; kept and reused by callers
 * through {@link #toBytes()} and {@link #fromBytes(byte[])} (format version {@value
 * FurnitureModelFormat#VERSION}).
 *
 * <p>The source named {@link #UNKNOWN_SOURCE} (the empty string) holds what was learned from
 * documents of no known source, across all of them.
 *
 * <p>Memory: 8 bytes per furniture shingle plus the source names, and once {@link #content} or
 * {@link #isFurniture} has been asked about a source, at most 1 byte more per furniture shingle of
 * that source (a lookup directory). Immutable and thread-safe.
 */
public final class FurnitureModel {
  /** The source of documents whose source is not known. */
  public static final String UNKNOWN_SOURCE = "";

  private static final ShingleLookup EMPTY_LOOKUP = ShingleLookup.of(ShingleSet.empty());

  private final ShingleConfig shingles;
  private final FurnitureOptions options;
  private final SortedMap<String, ShingleSet> bySource;
  private final ShingleSet all;

  /**
   * Lookups over each source's furniture, made on first use: taking furniture out of every document
   * of a collection looks up each of its shingles, and a directory finds one in two cache misses
   * where a search of the sorted furniture took several. Not part of the value.
   */
  private final Map<String, ShingleLookup> lookups = new ConcurrentHashMap<>();

  FurnitureModel(
      ShingleConfig shingles, FurnitureOptions options, Map<String, ShingleSet> bySource) {
    this.shingles = Objects.requireNonNull(shingles, "shingles");
    this.options = Objects.requireNonNull(options, "options");
    TreeMap<String, ShingleSet> copy = new TreeMap<>();
    int total = 0;
    for (Map.Entry<String, ShingleSet> e : bySource.entrySet()) {
      Objects.requireNonNull(e.getKey(), "source");
      if (!e.getValue().isEmpty()) {
        copy.put(e.getKey(), e.getValue());
        total += e.getValue().size();
      }
    }
    this.bySource = Collections.unmodifiableSortedMap(copy);
    long[] union = new long[total];
    int at = 0;
    for (ShingleSet s : copy.values()) {
      for (int i = 0; i < s.size(); i++) {
        union[at++] = s.get(i);
      }
    }
    this.all = ShingleSet.of(union);
  }

  /**
   * A model of the given furniture per source, as {@link FurnitureLearner} makes one; for engines
   * that learn each source's furniture elsewhere ({@link FurnitureLearner#learnSource(SourceCounts,
   * boolean, FurnitureOptions, io.textsim.core.Cancellation)}). Sources with no furniture are left
   * out, so equal furniture gives equal models.
   */
  public static FurnitureModel of(
      ShingleConfig shingles, FurnitureOptions options, Map<String, ShingleSet> bySource) {
    Objects.requireNonNull(bySource, "bySource");
    return new FurnitureModel(shingles, options, bySource);
  }

  /** A model with no furniture, for shingles made with {@code shingles}. */
  public static FurnitureModel empty(ShingleConfig shingles) {
    return new FurnitureModel(shingles, FurnitureOptions.defaults(), Map.of());
  }

  /**
   * Reads a model written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException if the bytes are not a furniture model, are damaged, or were
   *     written by a newer format version; the message says which
   */
  public static FurnitureModel fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return FurnitureModelFormat.read(bytes);
  }

  /** This model in its versioned byte format. */
  public byte[] toBytes() {
    return FurnitureModelFormat.write(this);
  }

  /** The shingle settings of the shingles this model holds. */
  public ShingleConfig shingles() {
    return shingles;
  }

  /** The settings the model was learned with. */
  public FurnitureOptions options() {
    return options;
  }

  /** The sources that have furniture, sorted, each with its furniture shingles. */
  public SortedMap<String, ShingleSet> bySource() {
    return bySource;
  }

  /** The furniture shingles of {@code source}; empty for a source the model does not know. */
  public ShingleSet furniture(String source) {
    Objects.requireNonNull(source, "source");
    ShingleSet s = bySource.get(source);
    return s == null ? ShingleSet.empty() : s;
  }

  /** The furniture shingles of every source together. */
  public ShingleSet allFurniture() {
    return all;
  }

  /** {@code shingles} without the furniture of {@code source}. */
  public ShingleSet content(String source, ShingleSet shingles) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(shingles, "shingles");
    return lookup(source).removeFrom(shingles);
  }

  private ShingleLookup lookup(String source) {
    ShingleLookup known = lookups.get(source);
    if (known != null) {
      return known;
    }
    ShingleSet s = bySource.get(source);
    if (s == null) {
      return EMPTY_LOOKUP;
    }
    return lookups.computeIfAbsent(source, x -> ShingleLookup.of(s));
  }

  /** True if {@code shingle} is furniture of {@code source}. */
  public boolean isFurniture(String source, long shingle) {
    Objects.requireNonNull(source, "source");
    return lookup(source).contains(shingle);
  }

  /** True if no source has furniture. */
  public boolean isEmpty() {
    return bySource.isEmpty();
  }

  /**
   * Checks that this model's shingles were made with {@code config}.
   *
   * @throws IllegalArgumentException naming both settings if they differ
   */
  public void requireShingles(ShingleConfig config) {
    if (!shingles.equals(config)) {
      throw new IllegalArgumentException(
          "the furniture model was learned from " + shingles + ", not " + config);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FurnitureModel m
        && shingles.equals(m.shingles)
        && options.equals(m.options)
        && bySource.equals(m.bySource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(shingles, options, bySource);
  }

  @Override
  public String toString() {
    return "FurnitureModel["
        + shingles
        + ", sources="
        + bySource.size()
        + ", shingles="
        + all.size()
        + "]";
  }
}
