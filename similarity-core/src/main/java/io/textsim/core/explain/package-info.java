/**
 * Explanations: {@link io.textsim.core.explain.Explainer} finds the passages two texts share and
 * the passages only one has, as offsets into the original texts.
 */
package io.textsim.core.explain;
