/**
 * Page furniture learned from data: text that recurs across many documents that are otherwise
 * unlike each other (navigation, cookie notices, licence lines, comment forms, related-story lists,
 * site frames).
 *
 * <p>{@link io.textsim.core.furniture.FurnitureLearner} learns a {@link
 * io.textsim.core.furniture.FurnitureModel} per source from shingle sets; the model takes the
 * furniture out of the shingle sets used for linking and marks it in explanations, and keeps a
 * versioned byte format so that indexes and distributed jobs can store and reuse it. Nothing here
 * is a list of phrases or depends on a language.
 */
package io.textsim.core.furniture;
