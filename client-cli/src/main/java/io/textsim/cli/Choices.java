package io.textsim.cli;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.measure.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters and help-text candidates for the options that take a name: output formats, measures,
 * linkage. Names are lower case, as in JSON and on the wire, and accepted in any case.
 */
final class Choices {
  private Choices() {}

  /** Output formats. */
  enum Format {
    TEXT,
    JSON,
    CSV,
    HTML;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Format parse(String value, Format... allowed) {
      for (Format f : allowed) {
        if (f.wireName().equalsIgnoreCase(value.strip())) {
          return f;
        }
      }
      throw new TypeConversionException(
          "'"
              + value
              + "' is not one of "
              + String.join(", ", Arrays.stream(allowed).map(Format::wireName).toList()));
    }
  }

  /** --format of compare: text or json. */
  static final class TextOrJson implements ITypeConverter<Format>, Iterable<String> {
    @Override
    public Format convert(String value) {
      return Format.parse(value, Format.TEXT, Format.JSON);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("text", "json").iterator();
    }
  }

  /** --format of cluster and search: text, json or csv. */
  static final class TextJsonOrCsv implements ITypeConverter<Format>, Iterable<String> {
    @Override
    public Format convert(String value) {
      return Format.parse(value, Format.TEXT, Format.JSON, Format.CSV);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("text", "json", "csv").iterator();
    }
  }

  /** --format of compare: text, json or html. */
  static final class TextJsonOrHtml implements ITypeConverter<Format>, Iterable<String> {
    @Override
    public Format convert(String value) {
      return Format.parse(value, Format.TEXT, Format.JSON, Format.HTML);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("text", "json", "html").iterator();
    }
  }

  /** --format of cluster: text, json, csv or html. */
  static final class TextJsonCsvOrHtml implements ITypeConverter<Format>, Iterable<String> {
    @Override
    public Format convert(String value) {
      return Format.parse(value, Format.TEXT, Format.JSON, Format.CSV, Format.HTML);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("text", "json", "csv", "html").iterator();
    }
  }

  /** One measure by its wire name (search --measure). */
  static final class MeasureName implements ITypeConverter<Measure>, Iterable<String> {
    @Override
    public Measure convert(String value) {
      try {
        return Measure.fromName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(Measure.values()).map(Measure::wireName).iterator();
    }
  }

  /**
   * A comma list of measure names (compare --measures); {@code all} for every measure, {@code
   * default} for the default ones.
   */
  static Set<Measure> measures(String list) {
    Set<Measure> out = EnumSet.noneOf(Measure.class);
    List<String> unknown = new ArrayList<>();
    for (String name : list.split(",", -1)) {
      String n = name.strip();
      if (n.isEmpty()) {
        continue;
      }
      if (n.equalsIgnoreCase("all")) {
        out.addAll(EnumSet.allOf(Measure.class));
      } else if (n.equalsIgnoreCase("default")) {
        out.addAll(Measure.defaults());
      } else {
        try {
          out.add(Measure.fromName(n));
        } catch (IllegalArgumentException e) {
          unknown.add(n);
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new TypeConversionException(
          "unknown measure"
              + (unknown.size() == 1 ? " '" : "s '")
              + String.join("', '", unknown)
              + "'; valid: "
              + String.join(", ", Arrays.stream(Measure.values()).map(Measure::wireName).toList())
              + ", all, default");
    }
    if (out.isEmpty()) {
      throw new TypeConversionException("no measure named");
    }
    return out;
  }

  /** A cluster measure: jaccard, overlap or cosine. */
  static final class ClusterMeasureName
      implements ITypeConverter<ClusterMeasure>, Iterable<String> {
    @Override
    public ClusterMeasure convert(String value) {
      try {
        return ClusterMeasure.fromName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(ClusterMeasure.values()).map(ClusterMeasure::wireName).iterator();
    }
  }

  /** A linkage: single or average. */
  static final class LinkageName implements ITypeConverter<Linkage>, Iterable<String> {
    @Override
    public Linkage convert(String value) {
      try {
        return Linkage.fromName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(Linkage.values()).map(Linkage::wireName).iterator();
    }
  }

  /** A candidate strategy: auto, all-pairs or lsh. */
  static final class CandidatesName implements ITypeConverter<CandidateStrategy>, Iterable<String> {
    @Override
    public CandidateStrategy convert(String value) {
      try {
        return CandidateStrategy.fromName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(CandidateStrategy.values()).map(CandidateStrategy::wireName).iterator();
    }
  }

  /** When to draw the progress bar. */
  enum Progress {
    AUTO,
    ALWAYS,
    NEVER
  }
}
