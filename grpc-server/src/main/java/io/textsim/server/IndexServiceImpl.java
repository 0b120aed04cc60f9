package io.textsim.server;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.textsim.index.AddResult;
import io.textsim.index.IndexDocument;
import io.textsim.index.NearDuplicateIndex;
import io.textsim.proto.v1.AddRequest;
import io.textsim.proto.v1.AddResponse;
import io.textsim.proto.v1.GetRequest;
import io.textsim.proto.v1.GetResponse;
import io.textsim.proto.v1.IndexServiceGrpc;
import io.textsim.proto.v1.QueryRequest;
import io.textsim.proto.v1.QueryResponse;
import io.textsim.proto.v1.RemoveRequest;
import io.textsim.proto.v1.RemoveResponse;
import io.textsim.proto.v1.StatsRequest;
import io.textsim.proto.v1.StatsResponse;
import io.textsim.wire.BadFieldException;
import io.textsim.wire.WireIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The IndexService: named persistent indexes of an {@link IndexRegistry}, each call computed on the
 * bounded worker pool (a write waits for its fsync there, never on a network thread) and its
 * failures mapped as {@link Errors} says; an index that cannot be opened is FAILED_PRECONDITION.
 */
final class IndexServiceImpl extends IndexServiceGrpc.IndexServiceImplBase {
  private final IndexRegistry indexes;
  private final IndexMapper mapper;
  private final WorkerPool workers;
  private final long maxStreamChars;
  private final MemoryAdmission memory;

  IndexServiceImpl(
      IndexRegistry indexes,
      IndexMapper mapper,
      WorkerPool workers,
      long maxStreamChars,
      MemoryAdmission memory) {
    this.indexes = indexes;
    this.mapper = mapper;
    this.workers = workers;
    this.maxStreamChars = maxStreamChars;
    this.memory = memory;
  }

  @Override
  public void query(QueryRequest request, StreamObserver<QueryResponse> out) {
    SimilarityServiceImpl.admitted(out, () -> memory.query(request))
        .ifPresent(
            m ->
                workers.answer(
                    out,
                    m,
                    c -> mapper.query(request, indexes.index(request.getIndex(), "index", false))));
  }

  @Override
  public void remove(RemoveRequest request, StreamObserver<RemoveResponse> out) {
    workers.answer(
        out,
        c ->
            WireIndex.removeResponse(
                indexes.index(request.getIndex(), "index", false).remove(request.getIdsList())));
  }

  @Override
  public void get(GetRequest request, StreamObserver<GetResponse> out) {
    workers.answer(
        out,
        c ->
            WireIndex.getResponse(
                indexes
                    .index(request.getIndex(), "index", false)
                    .get(request.getId())
                    .orElseThrow(
                        () ->
                            Status.NOT_FOUND
                                .withDescription("no document '" + request.getId() + "'")
                                .asRuntimeException())));
  }

  @Override
  public void stats(StatsRequest request, StreamObserver<StatsResponse> out) {
    workers.answer(
        out,
        c -> WireIndex.statsResponse(indexes.index(request.getIndex(), "index", false).stats()));
  }

  @Override
  public StreamObserver<AddRequest> add(StreamObserver<AddResponse> out) {
    return new AddCollector(out, Context.current());
  }

  /** One Add stream: batches checked as they arrive, written after the half-close. */
  private final class AddCollector implements StreamObserver<AddRequest> {
    private final StreamObserver<AddResponse> out;
    private final Context context;
    private String index;
    private List<List<IndexDocument>> batches = new ArrayList<>();
    private long chars;
    private int messages;
    private boolean failed;
    private MemoryAdmission.StreamMemory reserved;

    AddCollector(StreamObserver<AddResponse> out, Context context) {
      this.out = out;
      this.context = context;
    }

    @Override
    public synchronized void onNext(AddRequest request) {
      if (failed) {
        return;
      }
      try {
        accept(request);
      } catch (RuntimeException e) {
        failed = true;
        drop();
        out.onError(Errors.toStatus(e, context));
      }
    }

    /** Drops what was collected and gives its memory back. */
    private void drop() {
      batches = null;
      if (reserved != null) {
        reserved.close();
      }
    }

    private void accept(AddRequest request) {
      int at = messages++;
      if (index == null) {
        index = request.getIndex();
        // Checked now, so that a server without --index-dir refuses the stream at once.
        indexes.index(index, "index", true);
      } else if (!request.getIndex().isEmpty() && !request.getIndex().equals(index)) {
        throw new BadFieldException(
            "index",
            "message "
                + at
                + " names index '"
                + request.getIndex()
                + "', the stream '"
                + index
                + "'");
      }
      List<IndexDocument> batch = mapper.documents(request.getDocumentsList(), "documents");
      for (IndexDocument d : batch) {
        chars += d.text().length();
      }
      if (chars > maxStreamChars) {
        throw new TooLargeException(
            "the stream's texts exceed the server's limit of "
                + maxStreamChars
                + " UTF-16 code units in total (send several Add streams, or start the server"
                + " with a larger --max-stream-chars)");
      }
      if (reserved == null) {
        reserved = memory.addStream();
      }
      // Reserved as they arrive: a stream that would not fit is stopped here, not at the end.
      for (IndexDocument d : batch) {
        reserved.add(d.text());
      }
      if (!batch.isEmpty()) {
        batches.add(batch);
      }
    }

    @Override
    public synchronized void onError(Throwable t) {
      drop(); // the client cancelled: write nothing
    }

    @Override
    public synchronized void onCompleted() {
      if (failed) {
        return;
      }
      List<List<IndexDocument>> collected = batches;
      String name = index == null ? "" : index;
      batches = null;
      MemoryAdmission.StreamMemory held;
      try {
        held = reserved != null ? reserved : (reserved = memory.addStream());
        held.finish();
      } catch (RuntimeException e) {
        drop();
        out.onError(Errors.toStatus(e, context));
        return;
      }
      workers.answer(
          out,
          held.reservation(),
          cancellation -> {
            NearDuplicateIndex target = indexes.index(name, "index", true);
            List<AddResult> results = new ArrayList<>();
            for (List<IndexDocument> batch : collected) {
              results.add(target.add(batch));
            }
            return WireIndex.addResponse(results);
          });
    }
  }
}
