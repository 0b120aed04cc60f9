package io.textsim.cli;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.Document;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.usecase.UseCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where {@code search} learns page furniture: from the documents searched ({@code --furniture
 * learn}) or from the pages of {@code --furniture-from}. Both backends learn it here, in this
 * process, so that a server is sent the model ({@code CompareManyRequest.furniture_model}) and both
 * modes score on the same content.
 *
 * @param learnedFrom what the output names as the furniture's origin: {@link #DOCUMENTS} or {@link
 *     #FURNITURE_FROM}
 * @param examples the pages to learn from, with their sources
 */
record SearchFurniture(String learnedFrom, List<Input> examples) {
  /** Learned from the documents searched. */
  static final String DOCUMENTS = "documents";

  /** Learned from the pages of --furniture-from. */
  static final String FURNITURE_FROM = "furniture_from";

  SearchFurniture {
    Objects.requireNonNull(learnedFrom, "learnedFrom");
    examples = List.copyOf(examples);
  }

  /**
   * The furniture of the examples, their shingles made as a search with word {@code shingleSize}
   * shingles makes them (the texts were checked against --max-bytes when read, hence no limit
   * here).
   */
  FurnitureModel learn(int shingleSize, Cancellation cancellation) {
    TextProfiler profiler =
        TextProfiler.defaults()
            .withShingles(ShingleConfig.words(shingleSize))
            .withMaxLength(Integer.MAX_VALUE);
    List<Document> docs = new ArrayList<>(examples.size());
    for (Input in : examples) {
      docs.add(new Document(in.id(), in.text(), in.source()));
    }
    return UseCases.learnFurniture(docs, profiler, FurnitureOptions.defaults(), cancellation);
  }

  /** What the output says of {@code model}, learned from these examples. */
  Reports.Furniture report(FurnitureModel model) {
    return new Reports.Furniture(learnedFrom, model.bySource().size(), model.allFurniture().size());
  }
}
