package io.textsim.core.furniture;

import java.util.Objects;

/**
 * Where a clustering's or a search's page furniture comes from: learned from the documents being
 * processed, a model given by the caller (learned earlier, or from other pages of the same
 * sources), or none at all.
 */
public sealed interface Furniture {
  /** Learn the furniture from the documents themselves, with these settings. */
  record Learned(FurnitureOptions options) implements Furniture {
    /** Validates that the options are not null. */
    public Learned {
      Objects.requireNonNull(options, "options");
    }
  }

  /** Use this model. */
  record Given(FurnitureModel model) implements Furniture {
    /** Validates that the model is not null. */
    public Given {
      Objects.requireNonNull(model, "model");
    }
  }

  /** Take nothing out: every shingle is content. */
  record None() implements Furniture {}

  /** Learn from the documents with the default settings. */
  static Furniture learned() {
    return new Learned(FurnitureOptions.defaults());
  }

  /** Learn from the documents with {@code options}. */
  static Furniture learned(FurnitureOptions options) {
    return new Learned(options);
  }

  /** Use {@code model}. */
  static Furniture given(FurnitureModel model) {
    return new Given(model);
  }

  /** No furniture. */
  static Furniture none() {
    return new None();
  }

  /** The wire name of this kind of choice: {@code learn}, {@code given} or {@code none}. */
  default String wireName() {
    if (this instanceof Learned) {
      return "learn";
    }
    return this instanceof Given ? "given" : "none";
  }
}
