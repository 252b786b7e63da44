package com.wise.hub.triton;

import com.wise.hub.config.Redaction;
import com.wise.hub.engine.EngineMisconfigured;
import com.wise.hub.health.DependencyProbe;
import com.wise.hub.health.ProbeResult;
import inference.GrpcService.ModelMetadataResponse;
import inference.GrpcService.ModelReadyRequest;
import inference.GrpcService.ModelReadyResponse;
import inference.GrpcService.ServerReadyRequest;
import inference.GrpcService.ServerReadyResponse;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.apache.camel.ProducerTemplate;

/**
 * Readiness of one Triton target for {@code /health/ready}: {@code ServerReady}, then
 * {@code ModelReady} for the configured model, then (until it has passed once) the model
 * contract against {@code ModelMetadata}; down, too, while the target's circuit breaker is open,
 * as for HTTP engines. Registered once per target by {@link TritonProbeRegistrar}.
 */
class TritonProbe implements DependencyProbe {

    private final TritonTarget target;
    private final TritonProperties properties;
    private final ModelContract contract;
    private final ProducerTemplate producer;
    private final CircuitBreakerRegistry breakers;

    TritonProbe(TritonTarget target, TritonProperties properties, ModelContract contract, ProducerTemplate producer,
            CircuitBreakerRegistry breakers) {
        this.target = target;
        this.properties = properties;
        this.contract = contract;
        this.producer = producer;
        this.breakers = breakers;
    }

    @Override
    public String name() {
        return target.id();
    }

    @Override
    public ProbeResult probe() {
        String breaker = "breaker " + breakers.find(target.id()).map(b -> b.getState().name()).orElse("CLOSED");
        try {
            ServerReadyResponse server = call("ServerReady", ServerReadyRequest.getDefaultInstance(),
                    ServerReadyResponse.class);
            if (!server.getReady()) {
                return ProbeResult.down("server not ready; " + breaker, target.address() + ": server not ready");
            }
            ModelReadyResponse model = call("ModelReady", ModelReadyRequest.newBuilder()
                    .setName(properties.model()).setVersion(properties.modelVersion()).build(), ModelReadyResponse.class);
            if (!model.getReady()) {
                return ProbeResult.down("model '" + properties.model() + "' not ready; " + breaker,
                        target.address() + ": model '" + properties.model() + "' not ready");
            }
            if (contract.needsCheck(target.id())) {
                contract.verify(target.id(), call("ModelMetadata", contract.metadataRequest(),
                        ModelMetadataResponse.class));
            }
        } catch (RuntimeException e) {
            String message = describe(e);
            return ProbeResult.down(Redaction.addresses(message) + "; " + breaker, target.address() + ": " + message);
        }
        String detail = "server and model '" + properties.model() + "' ready; " + breaker;
        boolean open = breakers.find(target.id()).map(CircuitBreaker::getState)
                .filter(s -> s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.FORCED_OPEN).isPresent();
        return open ? ProbeResult.down(detail) : ProbeResult.up(detail);
    }

    private <T> T call(String method, Object request, Class<T> type) {
        String uri = "grpc://" + target.address() + "/inference.GRPCInferenceService?method=" + method
                + "&synchronous=true";
        return producer.requestBody(uri, request, type);
    }

    /** What went wrong, inside Camel's wrapper: the gRPC status and Triton's words, or the contract's difference. */
    private static String describe(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException grpc) {
                Status status = grpc.getStatus();
                return status.getDescription() == null ? status.getCode().name()
                        : status.getCode().name() + ": " + status.getDescription();
            }
            if (t instanceof EngineMisconfigured misconfigured) {
                return misconfigured.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
