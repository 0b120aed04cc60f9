package io.textsim.core.usecase;

/** Whether a one-to-many search weighs cosine's words by inverse document frequency. */
public enum IdfPolicy {
  /**
   * TF-IDF with the IDF model of the candidates searched, so that a word most candidates share
   * weighs little. Built only when cosine is computed: no other measure reads it.
   */
  CANDIDATES,
  /** Plain term-frequency cosine. */
  NONE
}
