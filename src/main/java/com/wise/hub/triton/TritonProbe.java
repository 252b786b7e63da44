package com.wise.hub.triton;

import com.wise.hub.config.Redaction;
import com.wise.hub.health.DependencyProbe;
import com.wise.hub.health.ProbeResult;
import inference.GrpcService.ModelMetadataResponse;
import inference.GrpcService.ModelReadyRequest;
import inference.GrpcService.ModelReadyResponse;
import inference.GrpcService.ServerReadyRequest;
import inference.GrpcService.ServerReadyResponse;
import org.apache.camel.ProducerTemplate;

/**
 * Readiness of one Triton target for {@code /health/ready}: {@code ServerReady}, then
 * {@code ModelReady} for the configured model, then (until it has passed once) the model
 * contract against {@code ModelMetadata}. Registered once per target by {@link TritonTargetBeans}.
 */
class TritonProbe implements DependencyProbe {

    private final TritonTarget target;
    private final TritonProperties properties;
    private final ModelContract contract;
    private final ProducerTemplate producer;

    TritonProbe(TritonTarget target, TritonProperties properties, ModelContract contract, ProducerTemplate producer) {
        this.target = target;
        this.properties = properties;
        this.contract = contract;
        this.producer = producer;
    }

    @Override
    public String name() {
        return target.id();
    }

    @Override
    public ProbeResult probe() {
        try {
            ServerReadyResponse server = call("ServerReady", ServerReadyRequest.getDefaultInstance(),
                    ServerReadyResponse.class);
            if (!server.getReady()) {
                return ProbeResult.down("server not ready", target.address() + ": server not ready");
            }
            ModelReadyResponse model = call("ModelReady", ModelReadyRequest.newBuilder()
                    .setName(properties.model()).setVersion(properties.modelVersion()).build(), ModelReadyResponse.class);
            if (!model.getReady()) {
                return ProbeResult.down("model '" + properties.model() + "' not ready",
                        target.address() + ": model '" + properties.model() + "' not ready");
            }
            if (contract.needsCheck(target.id())) {
                contract.verify(target.id(), call("ModelMetadata", contract.metadataRequest(),
                        ModelMetadataResponse.class));
            }
            return ProbeResult.up("server and model '" + properties.model() + "' ready");
        } catch (RuntimeException e) {
            String message = TritonFailure.of(e).message();
            return ProbeResult.down(Redaction.addresses(message), target.address() + ": " + message);
        }
    }

    private <T> T call(String method, Object request, Class<T> type) {
        String uri = "grpc://" + target.address() + "/inference.GRPCInferenceService?method=" + method
                + "&synchronous=true";
        return producer.requestBody(uri, request, type);
    }
}
