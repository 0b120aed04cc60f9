package io.textsim.server;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import io.grpc.Attributes;
import io.grpc.KnownLength;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses requests so that a malformed one is answered INVALID_ARGUMENT, not INTERNAL or UNKNOWN.
 *
 * <p>grpc-java parses a request with the method's marshaller before any application code runs; a
 * proto3 {@code string} that is not valid UTF-8 makes protobuf-java throw, and grpc-java answers
 * that with an opaque server error. {@link #guard} rebinds every method of a service with a request
 * marshaller that keeps the raw bytes, and parses them itself: a request that does not parse closes
 * the call with INVALID_ARGUMENT, and the description names the offending field (for example {@code
 * candidates[2].text}) when it is a string with invalid UTF-8. The rebound methods keep their names
 * and schema descriptors, so reflection is unaffected.
 */
final class RequestParsing {
  private RequestParsing() {}

  /** The bytes of a request as they arrived. */
  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            if (!(stream instanceof KnownLength)) {
              return stream.readAllBytes();
            }
            // grpc-java's own streams know their length: read into an array of that size, one
            // copy instead of readAllBytes' growing buffers.
            byte[] bytes = new byte[stream.available()];
            int read = stream.readNBytes(bytes, 0, bytes.length);
            if (read == bytes.length && stream.available() == 0) {
              return bytes;
            }
            byte[] rest = stream.readAllBytes();
            byte[] all = Arrays.copyOf(bytes, read + rest.length);
            System.arraycopy(rest, 0, all, read, rest.length);
            return all;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  /** {@code service} with every method's request parsed by this class. */
  static ServerServiceDefinition guard(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    Map<String, MethodDescriptor<byte[], ?>> rebound = new HashMap<>();
    ServiceDescriptor.Builder descriptor =
        ServiceDescriptor.newBuilder(original.getName())
            .setSchemaDescriptor(original.getSchemaDescriptor());
    for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
      MethodDescriptor<byte[], ?> method = rebind(m.getMethodDescriptor());
      rebound.put(method.getFullMethodName(), method);
      descriptor.addMethod(method);
    }
    ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(descriptor.build());
    for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
      add(out, m, rebound.get(m.getMethodDescriptor().getFullMethodName()));
    }
    return out.build();
  }

  private static <Q, R> MethodDescriptor<byte[], R> rebind(MethodDescriptor<Q, R> method) {
    return method.toBuilder(BYTES, method.getResponseMarshaller()).build();
  }

  @SuppressWarnings("unchecked") // the rebound method has the original's response type
  private static <Q, R> void add(
      ServerServiceDefinition.Builder out,
      ServerMethodDefinition<Q, R> original,
      MethodDescriptor<byte[], ?> rebound) {
    MethodDescriptor<byte[], R> method = (MethodDescriptor<byte[], R>) rebound;
    MethodDescriptor<Q, R> typed = original.getMethodDescriptor();
    ServerCallHandler<Q, R> handler = original.getServerCallHandler();
    out.addMethod(
        method,
        (call, headers) -> {
          ServerCall<Q, R> typedCall = new TypedCall<>(call, typed);
          return new ParsingListener<>(handler.startCall(typedCall, headers), call, typed);
        });
  }

  /** Parses each message with the original method's marshaller; closes the call if it fails. */
  private static final class ParsingListener<Q, R> extends ServerCall.Listener<byte[]> {
    private final ServerCall.Listener<Q> delegate;
    private final ServerCall<byte[], R> call;
    private final MethodDescriptor<Q, R> method;
    private boolean failed;

    ParsingListener(
        ServerCall.Listener<Q> delegate,
        ServerCall<byte[], R> call,
        MethodDescriptor<Q, R> method) {
      this.delegate = delegate;
      this.call = call;
      this.method = method;
    }

    @Override
    public void onMessage(byte[] bytes) {
      if (failed) {
        return;
      }
      Q request;
      try {
        request = parse(bytes);
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        failed = true;
        call.close(Status.INVALID_ARGUMENT.withDescription(describe(bytes)), new Metadata());
        return;
      }
      delegate.onMessage(request);
    }

    /** Parses straight from the array: the marshaller would copy it once more through a stream. */
    @SuppressWarnings("unchecked") // the prototype's parser makes messages of the request type
    private Q parse(byte[] bytes) throws InvalidProtocolBufferException {
      if (method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> p
          && p.getMessagePrototype() instanceof Message m) {
        return (Q) m.getParserForType().parseFrom(bytes);
      }
      return method.parseRequest(new ByteArrayInputStream(bytes));
    }

    private String describe(byte[] bytes) {
      Optional<Descriptor> type = messageType(method);
      String name = type.map(Descriptor::getFullName).orElse("request");
      Optional<String> field = type.flatMap(t -> invalidUtf8Field(bytes, t));
      return field
          .map(f -> f + ": not valid UTF-8 (texts must be sent as UTF-8)")
          .orElse("malformed " + name + ": the message does not parse");
    }

    @Override
    public void onHalfClose() {
      if (!failed) {
        delegate.onHalfClose();
      }
    }

    @Override
    public void onCancel() {
      delegate.onCancel();
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }

    @Override
    public void onReady() {
      if (!failed) {
        delegate.onReady();
      }
    }
  }

  private static Optional<Descriptor> messageType(MethodDescriptor<?, ?> method) {
    if (method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> p
        && p.getMessagePrototype() instanceof Message m) {
      return Optional.of(m.getDescriptorForType());
    }
    return Optional.empty();
  }

  /**
   * The path of the first string field in {@code bytes} (a serialized {@code type}) that is not
   * valid UTF-8, e.g. {@code candidates[2].text}; empty if there is none or the bytes are malformed
   * in another way.
   */
  static Optional<String> invalidUtf8Field(byte[] bytes, Descriptor type) {
    try {
      return invalidUtf8Field(CodedInputStream.newInstance(bytes), type, "", 0);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> invalidUtf8Field(
      CodedInputStream in, Descriptor type, String path, int depth) throws IOException {
    if (depth > 100) {
      return Optional.empty();
    }
    Map<Integer, Integer> seen = new HashMap<>();
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return Optional.empty();
      }
      FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
      boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      if (field == null || !delimited) {
        in.skipField(tag);
        continue;
      }
      int index = seen.merge(field.getNumber(), 1, Integer::sum) - 1;
      String name = path + field.getName() + (field.isRepeated() ? "[" + index + "]" : "");
      if (field.getType() == FieldDescriptor.Type.STRING) {
        if (!in.readBytes().isValidUtf8()) {
          return Optional.of(name);
        }
      } else if (field.getType() == FieldDescriptor.Type.MESSAGE) {
        Optional<String> inner =
            invalidUtf8Field(
                CodedInputStream.newInstance(in.readByteArray()),
                field.getMessageType(),
                name + ".",
                depth + 1);
        if (inner.isPresent()) {
          return inner;
        }
      } else {
        in.skipField(tag);
      }
    }
  }

  /** The raw call seen as a call of the original request type. */
  private static final class TypedCall<Q, R> extends ServerCall<Q, R> {
    private final ServerCall<byte[], R> raw;
    private final MethodDescriptor<Q, R> method;

    TypedCall(ServerCall<byte[], R> raw, MethodDescriptor<Q, R> method) {
      this.raw = raw;
      this.method = method;
    }

    @Override
    public void request(int numMessages) {
      raw.request(numMessages);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      raw.sendHeaders(headers);
    }

    @Override
    public void sendMessage(R message) {
      raw.sendMessage(message);
    }

    @Override
    public boolean isReady() {
      return raw.isReady();
    }

    @Override
    public void close(Status status, Metadata trailers) {
      raw.close(status, trailers);
    }

    @Override
    public boolean isCancelled() {
      return raw.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      raw.setMessageCompression(enabled);
    }

    @Override
    public void setCompression(String compressor) {
      raw.setCompression(compressor);
    }

    @Override
    public void setOnReadyThreshold(int numBytes) {
      raw.setOnReadyThreshold(numBytes);
    }

    @Override
    public io.grpc.SecurityLevel getSecurityLevel() {
      return raw.getSecurityLevel();
    }

    @Override
    public Attributes getAttributes() {
      return raw.getAttributes();
    }

    @Override
    public String getAuthority() {
      return raw.getAuthority();
    }

    @Override
    public void triggerEvent(Object event) {
      raw.triggerEvent(event);
    }

    @Override
    public MethodDescriptor<Q, R> getMethodDescriptor() {
      return method;
    }
  }
}
