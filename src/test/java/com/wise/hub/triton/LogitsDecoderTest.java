package com.wise.hub.triton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.wise.hub.problem.ProblemException;
import inference.GrpcService.InferTensorContents;
import inference.GrpcService.ModelInferRequest;
import inference.GrpcService.ModelInferResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class LogitsDecoderTest {

    private final LogitsDecoder decoder = new LogitsDecoder(TritonTestProperties.defaults("t:1"));

    private static ByteString littleEndian(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return ByteString.copyFrom(buffer.array());
    }

    private static ModelInferResponse.InferOutputTensor.Builder output(String name, long... shape) {
        ModelInferResponse.InferOutputTensor.Builder tensor = ModelInferResponse.InferOutputTensor.newBuilder()
                .setName(name).setDatatype("FP32");
        for (long d : shape) {
            tensor.addShape(d);
        }
        return tensor;
    }

    @Test
    void readsRawLittleEndianRowMajorLogitsOfTheNamedOutput() {
        ModelInferResponse response = ModelInferResponse.newBuilder()
                .addOutputs(output("hidden", 1, 1))
                .addOutputs(output("logits", 1, 2, 3))
                .addRawOutputContents(littleEndian(9f))
                .addRawOutputContents(littleEndian(0f, 1f, 2f, 3f, 4f, 5.5f))
                .build();

        Logits logits = decoder.decode(response);

        assertThat(logits.frames()).isEqualTo(2);
        assertThat(logits.classes()).isEqualTo(3);
        assertThat(logits.at(1, 2)).isEqualTo(5.5f);
        assertThat(logits.argmax(0)).isEqualTo(2);
    }

    @Test
    void readsTypedFp32ContentsWhenThereAreNoRawOnes() {
        ModelInferResponse response = ModelInferResponse.newBuilder()
                .addOutputs(output("logits", 1, 1, 2).setContents(InferTensorContents.newBuilder()
                        .addFp32Contents(0.5f).addFp32Contents(-1f)))
                .build();
        assertThat(decoder.decode(response).values()).containsExactly(0.5f, -1f);
    }

    @Test
    void everyDeviationIsA502() {
        assertMismatch(ModelInferResponse.newBuilder().addOutputs(output("probs", 1, 1, 1))
                .addRawOutputContents(littleEndian(1f)).build(), "no output 'logits'");
        assertMismatch(ModelInferResponse.newBuilder().addOutputs(output("logits", 1, 1, 1).setDatatype("FP16"))
                .addRawOutputContents(littleEndian(1f)).build(), "is FP16");
        assertMismatch(ModelInferResponse.newBuilder().addOutputs(output("logits", 4))
                .addRawOutputContents(littleEndian(1f)).build(), "not [1, T, V]");
        assertMismatch(ModelInferResponse.newBuilder().addOutputs(output("logits", 1, 2, 2))
                .addRawOutputContents(littleEndian(1f)).build(), "holds 4 bytes");
    }

    @Test
    void theRequestCarriesTheSamplesAsLittleEndianFp32OfShapeOneByN() {
        ModelInferRequest request = InferRequestEncoder.build(TritonTestProperties.defaults("t:1"),
                new float[] {0.25f, -1f, 3f}, "req-1");

        assertThat(request.getModelName()).isEqualTo("wav2vec2_phoneme");
        assertThat(request.getId()).isEqualTo("req-1");
        assertThat(request.getInputs(0).getName()).isEqualTo("input_values");
        assertThat(request.getInputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(request.getInputs(0).getShapeList()).containsExactly(1L, 3L);
        assertThat(request.getOutputs(0).getName()).isEqualTo("logits");
        assertThat(request.getRawInputContents(0)).isEqualTo(littleEndian(0.25f, -1f, 3f));
    }

    private void assertMismatch(ModelInferResponse response, String detail) {
        assertThatThrownBy(() -> decoder.decode(response)).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(502);
            assertThat(p.detail()).contains(detail);
        });
    }
}
