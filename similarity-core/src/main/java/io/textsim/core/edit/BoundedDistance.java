package io.textsim.core.edit;

/**
 * The result of an edit distance computed with a cutoff: either the exact distance, or the fact
 * that the distance is greater than the cutoff.
 *
 * <p>Returned by {@link Levenshtein#distance(int[], int[], int)} and its overloads. A cutoff lets
 * the computation stop as soon as the answer is known to exceed it, so "more than k" carries no
 * distance; it is a separate case rather than a sentinel such as {@code -1}. Tell the two records
 * with {@code instanceof} patterns, or use {@link #isExact()} and {@link #distanceOr(int)}:
 *
 * <pre>{@code
 * BoundedDistance r = Levenshtein.distance(a, b, 10);
 * if (r instanceof BoundedDistance.Exact exact) {
 *   use(exact.distance());
 * } else {
 *   skip(); // the distance is greater than 10
 * }
 * }</pre>
 *
 * <p>Both implementations are immutable records and therefore thread-safe.
 */
public sealed interface BoundedDistance permits BoundedDistance.Exact, BoundedDistance.MoreThan {

  /**
   * Returns true if this is an {@link Exact} distance, false if the distance is only known to be
   * greater than a limit.
   */
  boolean isExact();

  /**
   * Returns the exact distance, or {@code fallback} if the distance is greater than the limit.
   *
   * @param fallback the value to return for {@link MoreThan}, for example {@code limit + 1} or
   *     {@link Integer#MAX_VALUE}
   */
  int distanceOr(int fallback);

  /**
   * The distance is exactly {@code distance}, which is at most the cutoff it was computed with.
   *
   * @param distance the edit distance, {@code >= 0}
   */
  record Exact(int distance) implements BoundedDistance {

    /**
     * Validates the distance.
     *
     * @throws IllegalArgumentException if {@code distance < 0}
     */
    public Exact {
      if (distance < 0) {
        throw new IllegalArgumentException("distance must be >= 0, was " + distance);
      }
    }

    @Override
    public boolean isExact() {
      return true;
    }

    @Override
    public int distanceOr(int fallback) {
      return distance;
    }
  }

  /**
   * The distance is greater than {@code limit}; how much greater was not computed.
   *
   * @param limit the cutoff the distance was computed with, {@code >= 0}
   */
  record MoreThan(int limit) implements BoundedDistance {

    /**
     * Validates the limit.
     *
     * @throws IllegalArgumentException if {@code limit < 0}
     */
    public MoreThan {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must be >= 0, was " + limit);
      }
    }

    @Override
    public boolean isExact() {
      return false;
    }

    @Override
    public int distanceOr(int fallback) {
      return fallback;
    }
  }
}
