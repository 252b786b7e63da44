package com.wise.hub.triton;

import com.google.protobuf.ByteString;
import com.wise.hub.web.RequestIds;
import inference.GrpcService.ModelInferRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Builds the KServe v2 {@code ModelInfer} request for one utterance: the samples as the model's
 * FP32 {@code [1, N]} input in {@code raw_input_contents} (little-endian), asking for the logits output.
 */
@Component("inferRequestEncoder")
public class InferRequestEncoder {

    /** Exchange property the pronunciation route sets: the 16 kHz, normalised samples ({@code float[]}). */
    public static final String SAMPLES = "hubPronunciationSamples";

    private final TritonProperties contract;

    InferRequestEncoder(TritonProperties contract) {
        this.contract = contract;
    }

    /** Puts the {@code ModelInfer} request for the samples in {@value #SAMPLES} in the body, the same for every target. */
    public void encode(Exchange exchange) {
        float[] samples = exchange.getProperty(SAMPLES, float[].class);
        String requestId = exchange.getMessage().getHeader(RequestIds.HEADER, String.class);
        exchange.getMessage().setBody(build(contract, samples, requestId));
    }

    static ModelInferRequest build(TritonProperties contract, float[] samples, String requestId) {
        ByteBuffer raw = ByteBuffer.allocate(samples.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(samples);
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder()
                .setModelName(contract.model())
                .setModelVersion(contract.modelVersion())
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder()
                        .setName(contract.input())
                        .setDatatype(ModelContract.FP32)
                        .addShape(1)
                        .addShape(samples.length))
                .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName(contract.output()))
                .addRawInputContents(ByteString.copyFrom(raw.array()));
        if (requestId != null) {
            request.setId(requestId);
        }
        return request.build();
    }
}
