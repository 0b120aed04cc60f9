package io.textsim.index;

import java.util.Objects;

/**
 * A document profiled and signed by one {@link NearDuplicateIndex}, ready for {@link
 * NearDuplicateIndex#addPrepared(java.util.List)}: the costly part of an add (normalizing,
 * shingling, taking out furniture, signing), done without touching the store, so that callers can
 * do it on threads of their own and time the store apart from it. Its time stamps (added at, and
 * the expiry that follows from its TTL) are those of the moment it was prepared. Immutable.
 */
public final class PreparedDocument {
  private final NearDuplicateIndex index;
  private final IndexDocument document;
  private final IndexWriter.Entry entry;

  PreparedDocument(NearDuplicateIndex index, IndexDocument document, IndexWriter.Entry entry) {
    this.index = Objects.requireNonNull(index, "index");
    this.document = Objects.requireNonNull(document, "document");
    this.entry = Objects.requireNonNull(entry, "entry");
  }

  /** The document as given. */
  public IndexDocument document() {
    return document;
  }

  NearDuplicateIndex index() {
    return index;
  }

  IndexWriter.Entry entry() {
    return entry;
  }

  @Override
  public String toString() {
    return "PreparedDocument(" + document.id() + ", " + entry.shingles().size() + " shingles)";
  }
}
