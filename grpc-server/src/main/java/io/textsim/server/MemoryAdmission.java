package io.textsim.server;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.PairBudget;
import io.textsim.core.furniture.Furniture;
import io.textsim.core.measure.Measure;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.IndexQuery;
import io.textsim.proto.v1.QueryRequest;
import io.textsim.wire.WireOptions;
import java.util.List;
import java.util.Set;

/**
 * Estimates each call's memory from its request ({@link MemoryCosts}) and reserves it in the {@link
 * MemoryBudget} before the work starts; streams get a {@link StreamMemory} that grows with their
 * documents. Thread-safe.
 */
final class MemoryAdmission {
  private final MemoryBudget budget;
  private final MemoryCosts costs;

  MemoryAdmission(MemoryBudget budget, MemoryCosts costs) {
    this.budget = budget;
    this.costs = costs;
  }

  MemoryBudget budget() {
    return budget;
  }

  MemoryCosts costs() {
    return costs;
  }

  /** The shape of a document: of its text, or the worst its HTML can be. */
  private static MemoryCosts.Shape shape(io.textsim.proto.v1.Document d) {
    MemoryCosts.Shape text = MemoryCosts.Shape.of(d.getText());
    return d.getHtml().isEmpty() ? text : text.plus(MemoryCosts.Shape.html(d.getHtml().size()));
  }

  /** Reserves what a Compare of this request needs. */
  MemoryBudget.Reservation compare(CompareRequest request) {
    Set<Measure> measures = WireOptions.measures(request.getMeasuresValueList(), "measures");
    MemoryCosts.Shape a = shape(request.getA());
    MemoryCosts.Shape b = shape(request.getB());
    long bytes =
        MemoryCosts.CALL_OVERHEAD
            + costs.text(a.chars())
            + costs.text(b.chars())
            + pair(a, b, measures, request.getExplain())
            + furniture(request.getFurnitureExamplesList(), request.getFurnitureModel());
    if (request.getFurnitureExamplesCount() > 0 || !request.getFurnitureModel().isEmpty()) {
      // The comparison of the contents without furniture, and the contents themselves.
      bytes +=
          pair(a, b, Set.of(), false)
              + costs.content(a.chars(), a.tokens())
              + costs.content(b.chars(), b.tokens());
    }
    return budget.reserve(bytes, "this Compare");
  }

  /**
   * The furniture of a Compare or CompareMany: a model sent in its byte format, or one learned from
   * examples (each profiled in turn, its shingles and the learner's state kept, then the model).
   */
  private long furniture(List<io.textsim.proto.v1.Document> examples, ByteString model) {
    long bytes = model.isEmpty() ? 0 : costs.furnitureModel(model.size());
    if (!examples.isEmpty()) {
      MemoryCosts.Shape largest = MemoryCosts.Shape.EMPTY;
      long tokens = 0;
      for (io.textsim.proto.v1.Document d : examples) {
        MemoryCosts.Shape e = shape(d);
        bytes += costs.clusterDocument(e.chars(), e.tokens(), false, true);
        largest = largest.max(e);
        tokens += e.tokens();
      }
      bytes += costs.profilePeak(largest.chars(), largest.tokens());
      bytes += costs.furnitureLearned(tokens);
    }
    return bytes;
  }

  /**
   * Profiling two texts one after the other and keeping both profiles, then the workspace of the
   * measures or the explanation, whichever is larger (they run one after another).
   */
  private long pair(
      MemoryCosts.Shape a, MemoryCosts.Shape b, Set<Measure> measures, boolean explain) {
    long profiles =
        costs.profileKept(a.chars(), a.tokens()) + costs.profilePeak(b.chars(), b.tokens());
    MemoryCosts.Shape longer = a.max(b);
    long workspace =
        costs.measureWorkspace(measures, longer.chars(), longer.tokens(), longer.wide());
    if (explain) {
      workspace = Math.max(workspace, MemoryCosts.EXPLAIN_PER_TOKEN * (a.tokens() + b.tokens()));
    }
    return profiles + workspace;
  }

  /**
   * Reserves what a CompareMany of this request needs: every candidate's profile is kept, and with
   * furniture each text's content and its profile too.
   */
  MemoryBudget.Reservation compareMany(CompareManyRequest request) {
    Set<Measure> measures = WireOptions.measures(request.getMeasuresValueList(), "measures");
    boolean furniture =
        request.getFurnitureExamplesCount() > 0 || !request.getFurnitureModel().isEmpty();
    MemoryCosts.Shape q = shape(request.getQuery());
    // Each profile is kept, and a text shorter than the shingle size gets a second, resized one;
    // with furniture, the query's content gets a third (the candidates' replace their first).
    long bytes =
        MemoryCosts.CALL_OVERHEAD
            + costs.text(q.chars())
            + 2 * costs.profileKept(q.chars(), q.tokens())
            + furniture(request.getFurnitureExamplesList(), request.getFurnitureModel());
    if (furniture) {
      bytes += costs.content(q.chars(), q.tokens()) + costs.profileKept(q.chars(), q.tokens());
    }
    MemoryCosts.Shape longest = q;
    for (io.textsim.proto.v1.Document d : request.getCandidatesList()) {
      MemoryCosts.Shape c = shape(d);
      bytes +=
          MemoryCosts.DOCUMENT_OVERHEAD
              + costs.text(c.chars())
              + 2 * costs.profileKept(c.chars(), c.tokens());
      if (furniture) {
        bytes += costs.content(c.chars(), c.tokens());
      }
      longest = longest.max(c);
    }
    bytes += costs.profilePeak(longest.chars(), longest.tokens());
    bytes += costs.measureWorkspace(measures, longest.chars(), longest.tokens(), longest.wide());
    return budget.reserve(bytes, "this CompareMany");
  }

  /**
   * What tells a clustering of {@code documents} documents, whose whole estimate {@code
   * reservation} holds, of its LSH candidate pairs: beyond the room reserved in advance ({@link
   * MemoryCosts#LSH_PAIRS_PER_DOCUMENT} a document), the reservation grows with the pairs, and a
   * clustering whose pairs do not fit is stopped with RESOURCE_EXHAUSTED.
   */
  PairBudget pairBudget(MemoryBudget.Reservation reservation, long documents) {
    long base =
        reservation.held()
            - documents * MemoryCosts.LSH_PAIRS_PER_DOCUMENT * MemoryCosts.LSH_PAIR_BYTES;
    return pairs -> {
      try {
        reservation.growTo(base + costs.lshPairs(pairs));
      } catch (StatusRuntimeException e) {
        throw new StatusRuntimeException(
            e.getStatus()
                .augmentDescription(
                    "(the documents' LSH candidate pairs need room for "
                        + pairs
                        + " pairs and more: many documents alike)"),
            e.getTrailers());
      }
    };
  }

  /** Reserves what a Cluster of this request needs. */
  MemoryBudget.Reservation cluster(ClusterRequest request, ClusterOptions options) {
    StreamMemory memory = new StreamMemory(options, "this Cluster");
    try {
      for (io.textsim.proto.v1.Document d : request.getDocumentsList()) {
        MemoryCosts.Shape shape = shape(d);
        memory.add(shape.chars(), shape.tokens(), false);
      }
      memory.finish();
    } catch (RuntimeException e) {
      memory.close();
      throw e;
    }
    return memory.reservation();
  }

  /** A stream's memory, reserved document by document. */
  StreamMemory stream(ClusterOptions options, String what) {
    return new StreamMemory(options, what);
  }

  /** Reserves what an index Query needs: each query text's profile, one after another. */
  MemoryBudget.Reservation query(QueryRequest request) {
    long bytes = MemoryCosts.CALL_OVERHEAD;
    long largest = 0;
    for (IndexQuery q : request.getQueriesList()) {
      long c = q.getText().length();
      bytes += MemoryCosts.DOCUMENT_OVERHEAD + costs.text(c);
      largest = Math.max(largest, c);
    }
    // Queries are answered one after another: one profile at a time, at most a token per char.
    bytes += costs.profilePeak(largest, largest);
    return budget.reserve(bytes, "this Query");
  }

  /** Reserves what an Add stream's documents need until they are written. */
  StreamMemory addStream() {
    return new StreamMemory(null, "this Add stream");
  }

  /**
   * The reservation of one stream (ClusterStream, index Add) or one Cluster call: the part of each
   * document that stays to the end, and the part that depends on the largest document and the count
   * (the profiles built at once, the all-pairs state), grown as documents arrive. Not thread-safe;
   * a stream's messages come one at a time.
   */
  final class StreamMemory {
    private final ClusterOptions options;
    private final MemoryBudget.Reservation reservation;
    private long documents;
    private long kept;
    private long largest;
    private long largestTokens;

    /**
     * @param options the clustering's options, or null for an index Add stream
     */
    private StreamMemory(ClusterOptions options, String what) {
      this.options = options;
      this.reservation = budget.reserve(MemoryCosts.CALL_OVERHEAD, what);
    }

    /** Reserves one more document of {@code text}. */
    void add(String text) {
      MemoryCosts.Shape shape = MemoryCosts.Shape.of(text);
      add(shape.chars(), shape.tokens(), true);
    }

    /** Reserves one more document of {@code chars} chars and at most {@code tokens} tokens. */
    void add(long chars, long tokens, boolean grow) {
      documents++;
      if (options == null) {
        kept += MemoryCosts.DOCUMENT_OVERHEAD + costs.text(chars);
      } else {
        kept +=
            costs.clusterDocument(
                chars,
                tokens,
                options.measure() == ClusterMeasure.COSINE,
                options.furniture() instanceof Furniture.Learned);
      }
      if (chars > largest) {
        largest = chars;
        largestTokens = tokens;
      }
      if (grow) {
        reservation.growTo(total());
      }
    }

    /** Reserves the whole work, once every document is in. */
    void finish() {
      reservation.growTo(total());
    }

    private long total() {
      long work;
      if (options == null) {
        work = costs.profilePeak(largest, largestTokens); // the index profiles one at a time
      } else {
        boolean allPairs =
            options.candidates() == CandidateStrategy.ALL_PAIRS
                || (options.candidates() == CandidateStrategy.AUTO
                    && documents <= options.allPairsLimit());
        work = costs.clusterWork(documents, largest, largestTokens, allPairs);
      }
      return MemoryCosts.CALL_OVERHEAD + kept + work;
    }

    MemoryBudget.Reservation reservation() {
      return reservation;
    }

    void close() {
      reservation.close();
    }
  }
}
