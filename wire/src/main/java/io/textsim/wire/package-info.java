/**
 * The one mapping between {@code textsim.v1} proto messages and core values, used by the server
 * (requests in, responses out) and by the command line client's remote mode (requests out,
 * responses in): {@code WireOptions}, {@code WireScores}, {@code WireResults} and {@code WireEnums}
 * for the SimilarityService, {@code WireIndex} for the IndexService. Enums are mapped by explicit
 * switches, one per enum and direction, so that a value added on one side only fails to compile or
 * is refused by number, never guessed from a name.
 *
 * <p>A value that does not map is a {@link io.textsim.wire.BadFieldException} naming the field.
 *
 * <p>{@code TlsFiles} reads and checks the PEM files of a TLS set-up, the server's and the client's
 * alike, before they are used: a key that is not its certificate's is a {@link
 * io.textsim.wire.TlsFileException} naming the file, instead of handshakes that fail later.
 */
package io.textsim.wire;
