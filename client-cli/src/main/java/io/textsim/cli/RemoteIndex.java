package io.textsim.cli;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.textsim.index.AddResult;
import io.textsim.index.IndexDocument;
import io.textsim.index.RemoveResult;
import io.textsim.proto.v1.AddRequest;
import io.textsim.proto.v1.AddResponse;
import io.textsim.proto.v1.IndexQuery;
import io.textsim.proto.v1.IndexServiceGrpc;
import io.textsim.proto.v1.QueryRequest;
import io.textsim.proto.v1.QueryResponse;
import io.textsim.proto.v1.RemoveRequest;
import io.textsim.proto.v1.StatsRequest;
import io.textsim.proto.v1.StatsResponse;
import io.textsim.wire.WireIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index commands on a server's {@code textsim.v1.IndexService}: the same channel ({@link
 * Channels}), deadline, retries and one-line failures ({@link RemoteCalls}) as every remote
 * command, and answers decoded through the shared wire mapping ({@link WireIndex}).
 */
final class RemoteIndex implements IndexBackend {
  private static final Pattern DOCUMENT_FIELD =
      Pattern.compile("documents\\[(\\d{1,9})\\]\\.\\w+: ");

  private final ManagedChannel channel;
  private final RemoteCalls calls;
  private final String name;

  private RemoteIndex(ManagedChannel channel, RemoteCalls calls, String name) {
    this.channel = channel;
    this.calls = calls;
    this.name = name;
  }

  /** Opens a channel to the server the options name (nothing is sent yet). */
  static RemoteIndex connect(ServerOptions options, String name) {
    return new RemoteIndex(
        Channels.open(options), new RemoteCalls(options.target(), options.deadline()), name);
  }

  @Override
  public String name() {
    return name;
  }

  private IndexServiceGrpc.IndexServiceBlockingStub blocking() {
    return calls.withDeadline(IndexServiceGrpc.newBlockingStub(channel));
  }

  /** One Add stream of one message: the server writes the batch atomically, then answers. */
  @Override
  public AddResult add(List<IndexDocument> batch) {
    AddRequest.Builder request = AddRequest.newBuilder().setIndex(name);
    for (IndexDocument d : batch) {
      request.addDocuments(WireIndex.document(d));
    }
    AddResponse response;
    try {
      response =
          calls.call(
              () -> {
                CompletableFuture<AddResponse> answer = new CompletableFuture<>();
                StreamObserver<AddRequest> requests =
                    calls.withDeadline(IndexServiceGrpc.newStub(channel)).add(observer(answer));
                requests.onNext(request.build());
                requests.onCompleted();
                return RemoteCalls.await(answer);
              });
    } catch (CliException e) {
      throw new CliException(withIds(e.getMessage(), batch), e);
    }
    return RemoteBackend.decode(() -> WireIndex.addResult(response));
  }

  /**
   * The message with a refused field's path in the batch ({@code documents[3].text: }) replaced by
   * the id of the document, which is what the user knows it by.
   */
  private static String withIds(String message, List<IndexDocument> batch) {
    Matcher m = DOCUMENT_FIELD.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      String id = i < batch.size() ? batch.get(i).id() : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(id + ": "));
    }
    return m.appendTail(out).toString();
  }

  /** Completes {@code answer} with the one response of the call, or with its failure. */
  private static StreamObserver<AddResponse> observer(CompletableFuture<AddResponse> answer) {
    return new StreamObserver<>() {
      @Override
      public void onNext(AddResponse value) {
        answer.complete(value);
      }

      @Override
      public void onCompleted() {
        if (!answer.isDone()) {
          answer.completeExceptionally(
              Status.INTERNAL.withDescription("no answer to Add").asRuntimeException());
        }
      }

      @Override
      public void onError(Throwable t) {
        answer.completeExceptionally(t);
      }
    };
  }

  @Override
  public List<Reports.IndexResult> query(List<Input> queries, int top, double minScore) {
    QueryRequest.Builder request =
        QueryRequest.newBuilder().setIndex(name).setTopK(top).setMinScore(minScore);
    for (Input q : queries) {
      request.addQueries(
          IndexQuery.newBuilder().setId(q.id()).setText(q.text()).setSource(q.source()));
    }
    QueryResponse response = calls.call(() -> blocking().query(request.build()));
    if (response.getResultsCount() != queries.size()) {
      throw new CliException(
          "the server answered "
              + response.getResultsCount()
              + " of "
              + queries.size()
              + " queries; is it a textsim server of the same version?");
    }
    List<Reports.IndexResult> out = new ArrayList<>(queries.size());
    for (int i = 0; i < response.getResultsCount(); i++) {
      String field = "results[" + i + "]";
      io.textsim.proto.v1.QueryResult r = response.getResults(i);
      out.add(
          new Reports.IndexResult(
              queries.get(i).id(), RemoteBackend.decode(() -> WireIndex.matches(r, field))));
    }
    return out;
  }

  @Override
  public RemoveResult remove(List<String> ids) {
    RemoveRequest request = RemoveRequest.newBuilder().setIndex(name).addAllIds(ids).build();
    return WireIndex.removeResult(calls.call(() -> blocking().remove(request)));
  }

  @Override
  public Reports.IndexStats stats() {
    StatsRequest request = StatsRequest.newBuilder().setIndex(name).build();
    StatsResponse response = calls.call(() -> blocking().stats(request));
    return Reports.IndexStats.of(name, response);
  }

  @Override
  public void close() {
    Channels.close(channel);
  }
}
