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
  Integer shingleSize;

  @Mixin SizeOptions size;

  /** The --max-bytes limit. */
  long maxBytes() {
    return size.maxBytes;
  }

  /** The --shingle-size given, else {@code commandDefault}. */
  int shingleSize(ShingleConfig commandDefault) {
    return shingleSize != null ? shingleSize : commandDefault.size();
  }

  /**
   * Gives {@code --shingle-size} the clustering default ({@link
   * io.textsim.core.cluster.ClusterOptions#DEFAULT_SHINGLES}) in the commands that cluster, and the
   * comparison default ({@link ShingleConfig#DEFAULT}) elsewhere, so that each command's help shows
   * its own.
   */
  static final class ShingleDefaults implements picocli.CommandLine.IDefaultValueProvider {
    @Override
    public String defaultValue(picocli.CommandLine.Model.ArgSpec arg) {
      if (!(arg instanceof picocli.CommandLine.Model.OptionSpec o)
          || !o.longestName().equals("--shingle-size")) {
        return null;
      }
      boolean clusters = o.command() != null && o.command().name().equals("cluster");
      return String.valueOf(
          (clusters
                  ? io.textsim.core.cluster.ClusterOptions.DEFAULT_SHINGLES
                  : ShingleConfig.DEFAULT)
              .size());
    }
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
