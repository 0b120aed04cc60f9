package io.textsim.server;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.textsim.core.Cancellation;
import io.textsim.core.cluster.Document;
import io.textsim.proto.v1.ClusterOptions;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.ClusterResponse;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.wire.BadFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code textsim.v1.SimilarityService}: hands each call to the {@link WorkerPool}, where the {@link
 * ProtoMapper} maps it onto the core. Nothing is computed on gRPC's own threads.
 *
 * <p>ClusterStream collects the streamed documents as they arrive (gRPC asks for the next message
 * only after the previous one was handled, so a fast client is held back by flow control) and
 * clusters them on a worker once the client half-closes. Every call reserves its estimated memory
 * ({@link MemoryAdmission}) before its work is handed over; a stream reserves document by document
 * and is refused with RESOURCE_EXHAUSTED at the first document that does not fit. Thread-safe.
 */
final class SimilarityServiceImpl extends SimilarityServiceGrpc.SimilarityServiceImplBase {
  private final ProtoMapper mapper;
  private final WorkerPool workers;
  private final long maxStreamChars;
  private final MemoryAdmission memory;

  SimilarityServiceImpl(
      ProtoMapper mapper, WorkerPool workers, long maxStreamChars, MemoryAdmission memory) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.workers = Objects.requireNonNull(workers, "workers");
    this.maxStreamChars = maxStreamChars;
    this.memory = Objects.requireNonNull(memory, "memory");
  }

  @Override
  public void compare(CompareRequest request, StreamObserver<CompareResponse> out) {
    admitted(out, () -> memory.compare(request))
        .ifPresent(m -> workers.answer(out, m, c -> mapper.compare(request, c)));
  }

  @Override
  public void compareMany(CompareManyRequest request, StreamObserver<CompareManyResponse> out) {
    admitted(out, () -> memory.compareMany(request))
        .ifPresent(m -> workers.answer(out, m, c -> mapper.compareMany(request, c)));
  }

  @Override
  public void cluster(ClusterRequest request, StreamObserver<ClusterResponse> out) {
    admitted(
            out,
            () ->
                memory.cluster(
                    request,
                    mapper.clusterOptions(request.getOptions(), "options", Cancellation.never())))
        .ifPresent(
            m ->
                workers.answer(
                    out,
                    m,
                    c ->
                        mapper.cluster(
                            request, c, memory.pairBudget(m, request.getDocumentsCount()))));
  }

  /**
   * The memory {@code reserve} reserves for a call, or empty after answering {@code out} with why
   * not (RESOURCE_EXHAUSTED, or INVALID_ARGUMENT for options the estimate could not read).
   */
  static Optional<MemoryBudget.Reservation> admitted(
      StreamObserver<?> out, Supplier<MemoryBudget.Reservation> reserve) {
    try {
      return Optional.of(reserve.get());
    } catch (RuntimeException e) {
      out.onError(Errors.toStatus(e, Context.current()));
      return Optional.empty();
    }
  }

  @Override
  public StreamObserver<ClusterStreamRequest> clusterStream(
      StreamObserver<ClusterStreamResponse> out) {
    Context context = Context.current();
    StreamCollector collector = new StreamCollector(out, context);
    if (CallTimeLimit.IMPOSED.get(context) != null) {
      // gRPC ends a call at the client's deadline by itself, but not at one the server imposed:
      // a stream still uploading (or stalled) would otherwise hold its documents until the client
      // half-closes.
      context.addListener(c -> collector.deadlinePassed(), Runnable::run);
    }
    return collector;
  }

  /**
   * The state of one ClusterStream call. Called by gRPC one message at a time, and by the server's
   * deadline timer, hence synchronized.
   */
  private final class StreamCollector implements StreamObserver<ClusterStreamRequest> {
    private final StreamObserver<ClusterStreamResponse> out;
    private final Context context;
    private ClusterOptions options = ClusterOptions.getDefaultInstance();
    private List<Document> documents = new ArrayList<>();
    private final UniqueIds ids = new UniqueIds("document %d of the stream (counting from 0)");
    private long chars;
    private long messages;
    private boolean failed;
    private boolean completed;
    private MemoryAdmission.StreamMemory reserved;

    StreamCollector(StreamObserver<ClusterStreamResponse> out, Context context) {
      this.out = out;
      this.context = context;
    }

    /** The stream's reservation, made with its options when the first document arrives. */
    private MemoryAdmission.StreamMemory reserved() {
      if (reserved == null) {
        reserved =
            memory.stream(
                mapper.clusterOptions(options, "options", Cancellation.never()),
                "this ClusterStream");
      }
      return reserved;
    }

    /** Drops what was collected and gives its memory back. */
    private void drop() {
      documents = null;
      if (reserved != null) {
        reserved.close();
      }
    }

    @Override
    public synchronized void onNext(ClusterStreamRequest request) {
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

    private void accept(ClusterStreamRequest request) {
      long index = messages++;
      switch (request.getItemCase()) {
        case OPTIONS -> {
          if (index != 0) {
            throw new BadFieldException(
                "options", "options may only be sent as the first message, got them at " + index);
          }
          // Validated now, so that bad options fail the call before any document is sent.
          mapper.clusterOptions(request.getOptions(), "options", Cancellation.never());
          options = request.getOptions();
        }
        case DOCUMENT -> add(request.getDocument(), "document");
        case DOCUMENTS -> {
          List<io.textsim.proto.v1.Document> batch = request.getDocuments().getDocumentsList();
          for (int i = 0; i < batch.size(); i++) {
            add(batch.get(i), "documents.documents[" + i + "]");
          }
        }
        case ITEM_NOT_SET ->
            throw new BadFieldException(
                "item", "message " + index + " carries neither options nor documents");
      }
    }

    /** Checks one streamed document against the limits and keeps it. */
    private void add(io.textsim.proto.v1.Document document, String field) {
      if (documents.size() >= mapper.maxDocuments()) {
        throw new BadFieldException(
            field,
            "more than "
                + mapper.maxDocuments()
                + " documents in one stream (start the server with a larger"
                + " --max-documents)");
      }
      Document d = mapper.document(document, field);
      ids.add(d.id(), documents.size(), field + ".id");
      chars += d.text().length();
      if (chars > maxStreamChars) {
        throw new TooLargeException(
            "the stream's texts exceed the server's limit of "
                + maxStreamChars
                + " UTF-16 code units in total (split the collection, or start the server"
                + " with a larger --max-stream-chars)");
      }
      // Reserved as it arrives: a stream that would not fit is stopped here, not at the end.
      reserved().add(d.text());
      documents.add(d);
    }

    @Override
    public synchronized void onError(Throwable t) {
      drop(); // the client cancelled: drop what was collected
    }

    /** The server's deadline passed: fail the call now unless the workers already have it. */
    synchronized void deadlinePassed() {
      if (failed || completed || !Errors.deadlineExceeded(context)) {
        return;
      }
      failed = true;
      drop();
      try {
        out.onError(Errors.stopped(context));
      } catch (RuntimeException e) {
        // The call ended meanwhile (client cancel): nobody is waiting for the answer.
      }
    }

    @Override
    public synchronized void onCompleted() {
      if (failed) {
        return;
      }
      completed = true;
      List<Document> collected = documents;
      ClusterOptions settings = options;
      documents = null;
      MemoryAdmission.StreamMemory held;
      try {
        held = reserved();
        held.finish();
      } catch (RuntimeException e) {
        drop();
        out.onError(Errors.toStatus(e, context));
        return;
      }
      workers.answer(
          out,
          held.reservation(),
          cancellation ->
              ClusterStreamResponse.newBuilder()
                  .setClustering(
                      mapper.cluster(
                          collected,
                          mapper.clusterOptions(settings, "options", cancellation).toBuilder()
                              .pairBudget(memory.pairBudget(held.reservation(), collected.size()))
                              .build()))
                  .build());
    }
  }
}
