package com.wise.hub.support;

import com.google.protobuf.ByteString;
import inference.GRPCInferenceServiceGrpc;
import inference.GrpcService.ModelInferRequest;
import inference.GrpcService.ModelInferResponse;
import inference.GrpcService.ModelMetadataRequest;
import inference.GrpcService.ModelMetadataResponse;
import inference.GrpcService.ModelReadyRequest;
import inference.GrpcService.ModelReadyResponse;
import inference.GrpcService.ServerLiveRequest;
import inference.GrpcService.ServerLiveResponse;
import inference.GrpcService.ServerReadyRequest;
import inference.GrpcService.ServerReadyResponse;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Triton for tests: a gRPC server on a loopback port implementing our
 * {@code inference.GRPCInferenceService}, answering like Triton does (statuses and messages) and
 * "hearing" the phonemes in {@link #heard}: its logits spell them out over the frames Wav2Vec2
 * would produce for the samples received. Stop it to make it unreachable (connection refused), or
 * set {@link #unavailable} to have it answer every call with UNAVAILABLE, as a Triton shutting down does.
 */
public final class FakeTriton extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase implements AutoCloseable {

    private final int port = RedisServer.freePort();
    private final Map<String, Integer> ids;
    private final int classes;
    private Server server;

    /** The model this server holds. */
    public volatile String model = "wav2vec2_phoneme";
    public volatile String inputName = "input_values";
    public volatile String outputName = "logits";
    public volatile String outputDatatype = "FP32";
    /** When true every call fails with UNAVAILABLE while the connection stays up. */
    public volatile boolean unavailable;
    /** While set and not counted down, ModelInfer waits for it (at most 30 s) before answering: a slow GPU. */
    public volatile CountDownLatch hold;
    /** The phonemes the model hears in whatever audio it gets. */
    public volatile List<String> heard = List.of();
    public final AtomicInteger inferCalls = new AtomicInteger();
    public volatile ModelInferRequest lastRequest;

    public FakeTriton(Map<String, Integer> ids, int classes) {
        this.ids = ids;
        this.classes = classes;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public synchronized FakeTriton start() {
        if (server == null) {
            try {
                server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                        .maxInboundMessageSize(64 * 1024 * 1024)
                        .addService(ServerInterceptors.intercept(this, new Outage())).build().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake Triton on port " + port, e);
            }
        }
        return this;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Back to a healthy server holding the right model. */
    public void reset() {
        unavailable = false;
        if (hold != null) {
            hold.countDown();
            hold = null;
        }
        model = "wav2vec2_phoneme";
        inputName = "input_values";
        outputName = "logits";
        outputDatatype = "FP32";
        heard = List.of();
        inferCalls.set(0);
        lastRequest = null;
        start();
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> response) {
        answer(response, ServerLiveResponse.newBuilder().setLive(true).build());
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> response) {
        answer(response, ServerReadyResponse.newBuilder().setReady(true).build());
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> response) {
        answer(response, ModelReadyResponse.newBuilder().setReady(request.getName().equals(model)).build());
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> response) {
        if (!request.getName().equals(model)) {
            response.onError(unknownModel(request.getName()));
            return;
        }
        answer(response, ModelMetadataResponse.newBuilder().setName(model).addVersions("1").setPlatform("tensorrt_plan")
                .addInputs(tensor(inputName, "FP32", List.of(-1L, -1L)))
                .addOutputs(tensor(outputName, outputDatatype, List.of(-1L, -1L, (long) classes)))
                .build());
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
        inferCalls.incrementAndGet();
        lastRequest = request;
        CountDownLatch slow = hold;
        if (slow != null) {
            try {
                slow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!request.getModelName().equals(model)) {
            response.onError(unknownModel(request.getModelName()));
            return;
        }
        ModelInferRequest.InferInputTensor input = request.getInputs(0);
        if (!input.getName().equals(inputName)) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("unexpected inference input '" + input.getName()
                    + "' for model '" + model + "'").asRuntimeException());
            return;
        }
        for (ModelInferRequest.InferRequestedOutputTensor output : request.getOutputsList()) {
            if (!output.getName().equals(outputName)) {
                response.onError(Status.INVALID_ARGUMENT.withDescription("unexpected inference output '"
                        + output.getName() + "' for model '" + model + "'").asRuntimeException());
                return;
            }
        }
        long samples = input.getShape(1);
        int frames = CraftedLogits.framesFor(samples);
        float[] logits = CraftedLogits.oneHot(ids, classes, CraftedLogits.spread(heard, frames));
        ByteBuffer raw = ByteBuffer.allocate(logits.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(logits);
        answer(response, ModelInferResponse.newBuilder().setModelName(model).setModelVersion("1").setId(request.getId())
                .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName(outputName)
                        .setDatatype(outputDatatype).addShape(1).addShape(frames).addShape(classes))
                .addRawOutputContents(ByteString.copyFrom(raw.array()))
                .build());
    }

    /** The samples of the last ModelInfer request, decoded from its little-endian FP32 bytes. */
    public float[] lastSamples() {
        ByteBuffer raw = lastRequest.getRawInputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[raw.remaining() / 4];
        raw.asFloatBuffer().get(samples);
        return samples;
    }

    /** Answers UNAVAILABLE while {@link #unavailable} is set. */
    private final class Outage implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            if (!unavailable) {
                return next.startCall(call, headers);
            }
            call.close(Status.UNAVAILABLE.withDescription("fake Triton is shutting down"), new Metadata());
            return new ServerCall.Listener<>() { };
        }
    }

    private static io.grpc.StatusRuntimeException unknownModel(String name) {
        return Status.NOT_FOUND.withDescription("Request for unknown model: '" + name + "' is not found")
                .asRuntimeException();
    }

    private static ModelMetadataResponse.TensorMetadata tensor(String name, String datatype, List<Long> shape) {
        return ModelMetadataResponse.TensorMetadata.newBuilder().setName(name).setDatatype(datatype)
                .addAllShape(shape).build();
    }

    private static <T> void answer(StreamObserver<T> response, T value) {
        response.onNext(value);
        response.onCompleted();
    }
}
