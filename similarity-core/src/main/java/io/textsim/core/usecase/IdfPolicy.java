package io.textsim.core.usecase;

/** Whether a one-to-many search weighs cosine's words by inverse document frequency. */
public enum IdfPolicy {
  /**
   * TF-IDF with the IDF model of the candidates searched (DESIGN.md, measures: a collection's own
   * IDF for one-to-many search). Built only when cosine is computed: no other measure reads it.
   */
  CANDIDATES,
  /** Plain term-frequency cosine. */
  NONE
}
