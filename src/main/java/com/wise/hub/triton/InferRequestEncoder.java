package com.wise.hub.triton;

import com.google.protobuf.ByteString;
import inference.GrpcService.ModelInferRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds the KServe v2 {@code ModelInfer} request for one utterance: the samples as the model's
 * FP32 {@code [1, N]} input in {@code raw_input_contents} (little-endian), asking for the logits output.
 */
final class InferRequestEncoder {

    private InferRequestEncoder() {
    }

    static ModelInferRequest encode(TritonProperties contract, float[] samples, String requestId) {
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
