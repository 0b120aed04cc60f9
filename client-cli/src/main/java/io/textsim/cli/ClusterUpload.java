package io.textsim.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.proto.v1.ClusterOptions;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.DocumentBatch;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.wire.WireResults;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One ClusterStream call: options first, then the documents in batches ({@link
 * #STREAM_BATCH_DOCUMENTS}, {@link #STREAM_BATCH_CHARS}), sent only while the transport is ready
 * (flow control). Progress reports the upload as stage "upload".
 */
final class ClusterUpload {
  /** The most documents one ClusterStream message carries. */
  static final int STREAM_BATCH_DOCUMENTS = 256;

  /**
   * The most text, in UTF-16 units (1 Mi), one ClusterStream message carries, unless a single
   * document is longer (it then goes alone, as it would without batching). At most 3 MiB of UTF-8,
   * well under the server's default 16 MiB message limit.
   */
  static final long STREAM_BATCH_CHARS = 1L << 20;

  private ClusterUpload() {}

  /**
   * Streams {@code documents} with {@code options} on {@code stub} and waits for the answer.
   *
   * @throws StatusRuntimeException if the call fails
   */
  static ClusterStreamResponse run(
      SimilarityServiceGrpc.SimilarityServiceStub stub,
      ClusterOptions options,
      List<Input> documents,
      ClusterProgress progress) {
    CompletableFuture<ClusterStreamResponse> result = new CompletableFuture<>();
    ClientResponseObserver<ClusterStreamRequest, ClusterStreamResponse> observer =
        new ClientResponseObserver<>() {
          private ClientCallStreamObserver<ClusterStreamRequest> requests;
          private int next = -1; // -1: the options; then the index of the next document to send
          private boolean done;

          @Override
          public void beforeStart(ClientCallStreamObserver<ClusterStreamRequest> requests) {
            this.requests = requests;
            requests.setOnReadyHandler(this::send);
          }

          /** Sends while the transport is ready; called again by gRPC when it is ready again. */
          private synchronized void send() {
            while (!done && requests.isReady()) {
              if (next < 0) {
                requests.onNext(ClusterStreamRequest.newBuilder().setOptions(options).build());
                next = 0;
              } else if (next < documents.size()) {
                // Documents go in batches: one message per document cost the server a dispatch
                // and a flow-control round each, and made remote clustering of many short texts
                // markedly slower than local.
                DocumentBatch.Builder batch = DocumentBatch.newBuilder();
                long chars = 0;
                while (next < documents.size()
                    && batch.getDocumentsCount() < STREAM_BATCH_DOCUMENTS
                    && (batch.getDocumentsCount() == 0
                        || chars + documents.get(next).text().length() <= STREAM_BATCH_CHARS)) {
                  Input input = documents.get(next++);
                  batch.addDocuments(
                      WireResults.document(input.id(), input.text(), input.source()));
                  chars += input.text().length();
                }
                requests.onNext(ClusterStreamRequest.newBuilder().setDocuments(batch).build());
                progress.update("upload", next, documents.size());
              } else {
                requests.onCompleted();
                done = true;
                return;
              }
            }
          }

          @Override
          public void onNext(ClusterStreamResponse value) {
            result.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            synchronized (this) {
              done = true;
            }
            result.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            if (!result.isDone()) {
              result.completeExceptionally(
                  Status.INTERNAL
                      .withDescription("no clustering in the answer")
                      .asRuntimeException());
            }
          }
        };
    stub.clusterStream(observer);
    return RemoteCalls.await(result);
  }
}
