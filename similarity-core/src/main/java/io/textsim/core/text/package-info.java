/**
 * From raw text to tokens: {@link io.textsim.core.text.TextNormalizer} produces a {@link
 * io.textsim.core.text.NormalizedText} that remembers where each character came from, and {@link
 * io.textsim.core.text.Tokenizer} splits it into {@link io.textsim.core.text.Tokens}.
 *
 * <p>Both work on Unicode code points and never split a surrogate pair; neither depends on the
 * default locale.
 */
package io.textsim.core.text;
