package io.textsim.core.furniture;

/**
 * Settings of furniture learning ({@link FurnitureLearner}). Every setting has a default, chosen by
 * the quality evaluation (docs/QUALITY.md).
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>minDocuments</td><td>{@value #DEFAULT_MIN_DOCUMENTS}</td><td>a shingle must occur in at
 *       least this many documents of one source to be furniture</td></tr>
 *   <tr><td>frameShare</td><td>{@value #DEFAULT_FRAME_SHARE}</td><td>a shingle in at least this
 *       share of a source's documents belongs to the source's frame</td></tr>
 *   <tr><td>sameStoryOverlap</td><td>{@value #DEFAULT_SAME_STORY_OVERLAP}</td><td>two documents
 *       whose content overlaps at least this much tell the same story</td></tr>
 *   <tr><td>sample</td><td>{@value #DEFAULT_SAMPLE}</td><td>documents examined per shingle to tell
 *       whether its documents are the same story</td></tr>
 *   <tr><td>unknownSourceFrameDocuments</td><td>{@value #DEFAULT_UNKNOWN_SOURCE_FRAME_DOCUMENTS}
 *       </td><td>among documents of no known source, a shingle in at least this many documents is
 *       judged with the text it recurs in taken out, as a site frame would be</td></tr>
 * </table>
 *
 * @param minDocuments at least 2
 * @param frameShare in (0, 1]
 * @param sameStoryOverlap in (0, 1]
 * @param sample in 2..64
 * @param unknownSourceFrameDocuments at least {@code minDocuments}
 */
public record FurnitureOptions(
    int minDocuments,
    double frameShare,
    double sameStoryOverlap,
    int sample,
    int unknownSourceFrameDocuments) {
  /** Default of {@link #minDocuments}. */
  public static final int DEFAULT_MIN_DOCUMENTS = 3;

  /** Default of {@link #frameShare}. */
  public static final double DEFAULT_FRAME_SHARE = 0.5;

  /** Default of {@link #sameStoryOverlap}. */
  public static final double DEFAULT_SAME_STORY_OVERLAP = 0.5;

  /** Default of {@link #sample}. */
  public static final int DEFAULT_SAMPLE = 8;

  /** Default of {@link #unknownSourceFrameDocuments}. */
  public static final int DEFAULT_UNKNOWN_SOURCE_FRAME_DOCUMENTS = 25;

  private static final FurnitureOptions DEFAULTS =
      new FurnitureOptions(
          DEFAULT_MIN_DOCUMENTS,
          DEFAULT_FRAME_SHARE,
          DEFAULT_SAME_STORY_OVERLAP,
          DEFAULT_SAMPLE,
          DEFAULT_UNKNOWN_SOURCE_FRAME_DOCUMENTS);

  /** Validates every setting; the message names the setting and the value. */
  public FurnitureOptions {
    if (minDocuments < 2) {
      throw new IllegalArgumentException("minDocuments must be >= 2, got " + minDocuments);
    }
    if (!(frameShare > 0.0 && frameShare <= 1.0)) {
      throw new IllegalArgumentException("frameShare must be in (0, 1], got " + frameShare);
    }
    if (!(sameStoryOverlap > 0.0 && sameStoryOverlap <= 1.0)) {
      throw new IllegalArgumentException(
          "sameStoryOverlap must be in (0, 1], got " + sameStoryOverlap);
    }
    if (sample < 2 || sample > 64) {
      throw new IllegalArgumentException("sample must be in 2..64, got " + sample);
    }
    if (unknownSourceFrameDocuments < minDocuments) {
      throw new IllegalArgumentException(
          "unknownSourceFrameDocuments must be >= minDocuments ("
              + minDocuments
              + "), got "
              + unknownSourceFrameDocuments);
    }
  }

  /** The defaults of the table above. */
  public static FurnitureOptions defaults() {
    return DEFAULTS;
  }
}
