package io.textsim.cli;

import io.textsim.core.shingle.ShingleConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by every command that reads texts: shingle size and the size limit. */
final class ProfileOptions {
  @Option(
      names = "--shingle-size",
      order = 20,
      paramLabel = "K",
      converter = ShingleSize.class,
      description = "Words per shingle, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int shingleSize = ShingleConfig.DEFAULT.size();

  @Mixin SizeOptions size;

  /** The --max-bytes limit. */
  long maxBytes() {
    return size.maxBytes;
  }

  /** Converts --shingle-size: 1 to {@link ShingleConfig#MAX_SIZE}. */
  static final class ShingleSize implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int k;
      try {
        k = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number");
      }
      if (k < 1 || k > ShingleConfig.MAX_SIZE) {
        throw new TypeConversionException(
            "'" + value + "' must be between 1 and " + ShingleConfig.MAX_SIZE);
      }
      return k;
    }
  }
}
