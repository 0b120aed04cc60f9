package io.textsim.core.sketch;

import io.textsim.core.TextProfile;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds {@link MinHashSignature}s of shingle sets. A MinHasher is a stateless function of its
 * {@link MinHashParameters}; build one per parameter set and reuse it.
 *
 * <p>For two sets {@code A} and {@code B}, each slot of their signatures is equal with probability
 * (close to) their Jaccard similarity {@code J = |A ∩ B| / |A ∪ B|}, so the fraction of equal slots
 * ({@link MinHashSignature#estimateJaccard}) estimates {@code J} with standard error {@code sqrt(J
 * (1 - J) / k)}.
 *
 * <h2>The functions (format version 1, frozen)</h2>
 *
 * <p>All 64-bit arithmetic is modulo 2<sup>64</sup>; {@code fmix64} is {@link
 * ShingleHashing#fmix64}; {@code splitmix64(seed)} is the stream of Steele, Lea and Flood's
 * SplitMix64 generator started at {@code seed} ({@code state += 0x9E3779B97F4A7C15}, then the
 * variant-13 finalizer). Every slot value is in [0, 2<sup>63</sup>); the signature of the empty set
 * has every slot equal to {@link MinHashSignature#EMPTY_SLOT} ({@code -1}), a value no non-empty
 * set produces, so that two empty sets estimate 1 and an empty and a non-empty set estimate 0, as
 * Jaccard does.
 *
 * <ul>
 *   <li>{@link MinHashFamily#CLASSIC}: draw {@code a_i = next | 1} and {@code b_i = next} for
 *       {@code i = 0 .. k-1}, in that order, from {@code splitmix64(seed)}. For shingle hash {@code
 *       x}, {@code h_i(x) = (a_i * fmix64(x) + b_i) >>> 1} (multiply-add universal hashing of the
 *       pre-mixed shingle, top 63 bits). Slot {@code i} is {@code min over x of h_i(x)}. Cost: O(k
 *       n) multiply-adds for {@code n} shingles, in a loop the JIT vectorizes where the CPU has
 *       64-bit vector multiplies.
 *   <li>{@link MinHashFamily#ONE_PERMUTATION}: draw {@code e = next} and {@code p = next} from
 *       {@code splitmix64(seed)}. Each shingle {@code x} is hashed once, {@code h = fmix64(x ^ e)};
 *       its bin is {@code ((h >>> 32) * k) >>> 32} and its value {@code h >>> 1}; slot {@code i} is
 *       the minimum value of bin {@code i} (Li, Owen and Zhang 2012). Empty bins are then filled by
 *       optimal densification (Shrivastava 2017): empty bin {@code j} takes the value of bin {@code
 *       q_t = ((g_t >>> 32) * k) >>> 32}, {@code g_t = fmix64(p ^ (j << 32 | t))}, for the first
 *       {@code t = 1, 2, .., 64} whose bin was non-empty before densification. If all 64 probes
 *       miss (probability {@code (1 - m/k)^64} with {@code m} non-empty bins), it takes the value
 *       of the first bin after {@code q_64}, circularly, that was non-empty. The probe sequence
 *       depends only on {@code j}, never on the data, which keeps the estimate unbiased; the cap
 *       bounds the cost at O(n + 64 k). Much faster than classic for long documents; for sets much
 *       smaller than {@code k} the densified slots are correlated and the estimate is noisier.
 * </ul>
 *
 * <p>Changing any of this would silently change every stored signature; a new scheme gets a new
 * family or a new format version, never a changed body. Known-answer tests and golden files pin the
 * outputs.
 *
 * <p>Immutable and thread-safe.
 */
public final class MinHasher {
  /** Densification probes per empty bin before the circular fallback. */
  static final int MAX_PROBES = 64;

  private static final long SPLITMIX_GAMMA = 0x9E3779B97F4A7C15L;

  private static final MinHasher DEFAULTS = new MinHasher(MinHashParameters.defaults());

  private final MinHashParameters parameters;
  private final int k;
  // CLASSIC: the multipliers a_i (odd) and increments b_i; empty for ONE_PERMUTATION.
  private final long[] multipliers;
  private final long[] increments;
  // ONE_PERMUTATION: the element and probe keys; zero for CLASSIC.
  private final long elementKey;
  private final long probeKey;

  private MinHasher(MinHashParameters parameters) {
    this.parameters = parameters;
    this.k = parameters.numHashes();
    long state = parameters.seed();
    if (parameters.family() == MinHashFamily.CLASSIC) {
      multipliers = new long[k];
      increments = new long[k];
      for (int i = 0; i < k; i++) {
        state += SPLITMIX_GAMMA;
        multipliers[i] = splitMix64(state) | 1L;
        state += SPLITMIX_GAMMA;
        increments[i] = splitMix64(state);
      }
      elementKey = 0;
      probeKey = 0;
    } else {
      multipliers = new long[0];
      increments = new long[0];
      state += SPLITMIX_GAMMA;
      elementKey = splitMix64(state);
      state += SPLITMIX_GAMMA;
      probeKey = splitMix64(state);
    }
  }

  /** The SplitMix64 output function (Stafford's variant 13) applied to an advanced state. */
  static long splitMix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A MinHasher for {@code parameters}. Cost: O(k) to derive the hash functions. */
  public static MinHasher of(MinHashParameters parameters) {
    Objects.requireNonNull(parameters, "parameters");
    if (parameters.equals(MinHashParameters.defaults())) {
      return DEFAULTS;
    }
    return new MinHasher(parameters);
  }

  /** The MinHasher for {@link MinHashParameters#defaults()}. */
  public static MinHasher defaults() {
    return DEFAULTS;
  }

  /** The parameters every signature of this hasher carries. */
  public MinHashParameters parameters() {
    return parameters;
  }

  /**
   * The signature of a profile's {@linkplain TextProfile#shingles() shingle set}.
   *
   * @throws NullPointerException if {@code profile} is null
   * @throws IllegalArgumentException if the profile's shingle configuration is not this hasher's
   */
  public MinHashSignature sign(TextProfile profile) {
    Objects.requireNonNull(profile, "profile");
    if (!profile.profiler().shingles().equals(parameters.shingles())) {
      throw new IllegalArgumentException(
          "profile built with "
              + profile.profiler().shingles()
              + " cannot be signed by a MinHasher for "
              + parameters.shingles());
    }
    return sign(profile.shingles());
  }

  /**
   * The signature of {@code shingles}, labelled with this hasher's shingle configuration (the set
   * itself does not record how it was made; the caller vouches for it). Cost: O(k n) for classic,
   * O(n + k) for one-permutation hashing.
   *
   * @throws NullPointerException if {@code shingles} is null
   */
  public MinHashSignature sign(ShingleSet shingles) {
    Objects.requireNonNull(shingles, "shingles");
    if (shingles.isEmpty()) {
      return MinHashSignature.empty(parameters);
    }
    long[] slots =
        parameters.family() == MinHashFamily.CLASSIC ? classic(shingles) : onePermutation(shingles);
    return new MinHashSignature(MinHashSignature.FORMAT_VERSION, parameters, slots);
  }

  private long[] classic(ShingleSet set) {
    final long[] a = multipliers;
    final long[] b = increments;
    final int n = set.size();
    long[] min = new long[k];
    Arrays.fill(min, Long.MAX_VALUE);
    // Two shingles per pass halve the loads and stores of a, b and min. The minimum of two values
    // in [0, 2^63) is taken branch-free as m + (d & (d >> 63)) with d = v - m (d cannot overflow);
    // unlike Math.min on longs this form lets C2 vectorize the loop.
    int j = 0;
    for (; j + 1 < n; j += 2) {
      long y0 = ShingleHashing.fmix64(set.get(j));
      long y1 = ShingleHashing.fmix64(set.get(j + 1));
      for (int i = 0; i < k; i++) {
        long ai = a[i];
        long bi = b[i];
        long v0 = (ai * y0 + bi) >>> 1;
        long v1 = (ai * y1 + bi) >>> 1;
        long d = v1 - v0;
        long v = v0 + (d & (d >> 63));
        long m = min[i];
        d = v - m;
        min[i] = m + (d & (d >> 63));
      }
    }
    if (j < n) {
      long y = ShingleHashing.fmix64(set.get(j));
      for (int i = 0; i < k; i++) {
        long v = (a[i] * y + b[i]) >>> 1;
        long m = min[i];
        long d = v - m;
        min[i] = m + (d & (d >> 63));
      }
    }
    return min;
  }

  private long[] onePermutation(ShingleSet set) {
    final int n = set.size();
    // EMPTY_SLOT (-1) is the largest value as unsigned, so an unsigned comparison fills bins.
    long[] bins = new long[k];
    Arrays.fill(bins, MinHashSignature.EMPTY_SLOT);
    for (int j = 0; j < n; j++) {
      long h = ShingleHashing.fmix64(set.get(j) ^ elementKey);
      int bin = bin(h, k);
      long v = h >>> 1;
      if (Long.compareUnsigned(v, bins[bin]) < 0) {
        bins[bin] = v;
      }
    }
    int empty = 0;
    for (long v : bins) {
      if (v < 0) {
        empty++;
      }
    }
    if (empty == 0) {
      return bins;
    }
    // Optimal densification: every empty bin copies a bin that was non-empty before densification,
    // found by a data-independent pseudo-random probe sequence.
    long[] slots = bins.clone();
    int[] nextFilled = null;
    for (int j = 0; j < k; j++) {
      if (bins[j] >= 0) {
        continue;
      }
      int q = -1;
      for (int t = 1; t <= MAX_PROBES; t++) {
        q = bin(ShingleHashing.fmix64(probeKey ^ (((long) j << 32) | t)), k);
        if (bins[q] >= 0) {
          break;
        }
      }
      if (bins[q] < 0) {
        if (nextFilled == null) {
          nextFilled = nextFilled(bins);
        }
        q = nextFilled[q == k - 1 ? 0 : q + 1];
      }
      slots[j] = bins[q];
    }
    return slots;
  }

  /** {@code floor(hi32(h) * k / 2^32)}: a bin in [0, k) from the high 32 bits of {@code h}. */
  private static int bin(long h, int k) {
    return (int) (((h >>> 32) * k) >>> 32);
  }

  /** For each bin, the first non-empty bin at or after it, circularly. Needs one non-empty bin. */
  private static int[] nextFilled(long[] bins) {
    int k = bins.length;
    int[] next = new int[k];
    int last = -1;
    for (int i = 2 * k - 1; i >= 0; i--) {
      int q = i < k ? i : i - k;
      if (bins[q] >= 0) {
        last = q;
      }
      if (i < k) {
        next[q] = last;
      }
    }
    return next;
  }

  @Override
  public String toString() {
    return "MinHasher.of(" + parameters + ")";
  }
}
