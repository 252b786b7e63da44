package com.wise.hub.triton;

import com.wise.hub.engine.EngineFailureListener;
import com.wise.hub.engine.EngineMisconfigured;
import com.wise.hub.engine.EngineOutcome;
import com.wise.hub.problem.ProblemException;
import inference.GrpcService.ModelMetadataRequest;
import inference.GrpcService.ModelMetadataResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Checks, once per target, that the model Triton serves has the input and output the hub sends
 * and reads ({@code hub.triton.input}/{@code output}, FP32, rank 2 and 3): a wrong model is
 * reported loudly (the attempt is {@code misconfigured}, the alert EngineMisconfigured fires, the
 * target is DOWN in readiness with the difference) instead of producing nonsense scores. A target
 * that passed is not asked again until Triton refuses one of its calls; one that failed is asked
 * again before its next call and by the next readiness probe, so fixing the server is noticed.
 */
@Component("tritonContract")
public class ModelContract implements EngineFailureListener {

    static final String FP32 = "FP32";

    private final TritonProperties properties;
    private final Map<String, String> verdicts = new ConcurrentHashMap<>();

    ModelContract(TritonProperties properties) {
        this.properties = properties;
    }

    /** True until the target's metadata has been checked and found right. */
    public boolean needsCheck(String targetId) {
        return !"".equals(verdicts.get(targetId));
    }

    /**
     * Forgets the target's verdict: Triton refusing a call may mean its model was replaced, so the
     * contract is checked again before the next call.
     */
    public void forget(String targetId) {
        verdicts.remove(targetId);
    }

    /**
     * Forgets the target's verdict when Triton refused its call ({@code misconfigured}: unknown model,
     * wrong tensor): the model may have been replaced. Other engines have no verdict.
     */
    @Override
    public void failed(String engine, EngineOutcome outcome) {
        if (outcome == EngineOutcome.MISCONFIGURED) {
            forget(engine);
        }
    }

    /** The {@code ModelMetadata} request for the configured model. */
    public ModelMetadataRequest metadataRequest() {
        return ModelMetadataRequest.newBuilder().setName(properties.model())
                .setVersion(properties.modelVersion()).build();
    }

    /** Puts {@link #metadataRequest()} in the body, for the {@code ModelMetadata} call of a route. */
    public void prepareCheck(Exchange exchange) {
        exchange.getMessage().setBody(metadataRequest());
    }

    /**
     * Records the verdict on {@code metadata} for the target.
     *
     * @throws EngineMisconfigured naming the target and every difference (the attempt's outcome is
     *                             {@code misconfigured} and the next target is tried)
     */
    public void verify(String targetId, ModelMetadataResponse metadata) {
        List<String> problems = mismatches(metadata);
        String verdict = String.join("; ", problems);
        verdicts.put(targetId, verdict);
        if (!problems.isEmpty()) {
            throw new EngineMisconfigured("Triton target " + targetId + " serves model '" + metadata.getName()
                    + "' with a different contract than hub.triton.* expects: " + verdict + ".");
        }
    }

    /** The differences between the served model and the configured contract; empty when it matches. */
    List<String> mismatches(ModelMetadataResponse metadata) {
        List<String> problems = new ArrayList<>();
        check(problems, "input", properties.input(), 2, metadata.getInputsList());
        check(problems, "output", properties.output(), 3, metadata.getOutputsList());
        return problems;
    }

    private static void check(List<String> problems, String kind, String name, int rank,
            List<ModelMetadataResponse.TensorMetadata> tensors) {
        ModelMetadataResponse.TensorMetadata tensor = tensors.stream()
                .filter(t -> t.getName().equals(name)).findFirst().orElse(null);
        if (tensor == null) {
            problems.add(kind + " '" + name + "' is missing (the model has "
                    + tensors.stream().map(ModelMetadataResponse.TensorMetadata::getName).toList() + ")");
            return;
        }
        if (!FP32.equals(tensor.getDatatype())) {
            problems.add(kind + " '" + name + "' is " + tensor.getDatatype() + ", expected FP32");
        }
        // Triton leaves out the batch dimension of models with max_batch_size > 0
        if (tensor.getShapeCount() != rank && tensor.getShapeCount() != rank - 1) {
            problems.add(kind + " '" + name + "' has shape " + tensor.getShapeList() + ", expected rank " + rank);
        }
    }

    /** The 502 for an answer, read after the failover, that does not fit the contract (see {@link LogitsDecoder}). */
    static ProblemException mismatch(String detail) {
        return new ProblemException(502, "model-contract-mismatch", "Model contract mismatch", detail);
    }
}
