package com.wise.hub.triton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wise.hub.engine.EngineMisconfigured;
import com.wise.hub.engine.EngineOutcome;
import inference.GrpcService.ModelMetadataResponse;
import inference.GrpcService.ModelMetadataResponse.TensorMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelContractTest {

    private final ModelContract contract = new ModelContract(TritonTestProperties.defaults("t:1"));

    private static TensorMetadata tensor(String name, String type, Long... shape) {
        return TensorMetadata.newBuilder().setName(name).setDatatype(type).addAllShape(List.of(shape)).build();
    }

    private static ModelMetadataResponse metadata(TensorMetadata input, TensorMetadata output) {
        return ModelMetadataResponse.newBuilder().setName("wav2vec2_phoneme").addInputs(input).addOutputs(output).build();
    }

    @Test
    void theExpectedTensorsPassWithOrWithoutTheBatchDimension() {
        assertThat(contract.mismatches(metadata(tensor("input_values", "FP32", -1L, -1L),
                tensor("logits", "FP32", -1L, -1L, 392L)))).isEmpty();
        assertThat(contract.mismatches(metadata(tensor("input_values", "FP32", -1L),
                tensor("logits", "FP32", -1L, 392L)))).isEmpty();
    }

    @Test
    void namesEveryDifference() {
        List<String> problems = contract.mismatches(metadata(tensor("input_values", "FP16", -1L, -1L),
                tensor("output_0", "FP32", -1L, -1L, 392L)));
        assertThat(problems).containsExactly("input 'input_values' is FP16, expected FP32",
                "output 'logits' is missing (the model has [output_0])");
        assertThat(contract.mismatches(metadata(tensor("input_values", "FP32", 1L, 2L, 3L, 4L),
                tensor("logits", "FP32", -1L, -1L, 392L)))).containsExactly(
                "input 'input_values' has shape [1, 2, 3, 4], expected rank 2");
    }

    @Test
    void aTargetThatPassedIsNotCheckedAgainUntilForgotten() {
        assertThat(contract.needsCheck("triton-1")).isTrue();
        contract.verify("triton-1", metadata(tensor("input_values", "FP32", -1L, -1L),
                tensor("logits", "FP32", -1L, -1L, 392L)));
        assertThat(contract.needsCheck("triton-1")).isFalse();
        assertThat(contract.needsCheck("triton-2")).isTrue();
        contract.forget("triton-1");
        assertThat(contract.needsCheck("triton-1")).isTrue();
    }

    @Test
    void aMismatchIsMisconfiguredNamingTheTargetAndStaysToBeCheckedAgain() {
        assertThatThrownBy(() -> contract.verify("triton-2", metadata(tensor("input_values", "FP32", -1L, -1L),
                tensor("logits", "INT64", -1L, -1L, 392L))))
                .isInstanceOfSatisfying(EngineMisconfigured.class, e -> {
                    assertThat(EngineOutcome.of(e)).isEqualTo(EngineOutcome.MISCONFIGURED);
                    assertThat(e.getMessage()).contains("triton-2").contains("output 'logits' is INT64, expected FP32");
                });
        assertThat(contract.needsCheck("triton-2")).isTrue();
    }

    @Test
    void aTargetThatTritonRefusedIsCheckedAgainOtherFailuresKeepTheVerdict() {
        contract.verify("triton-1", metadata(tensor("input_values", "FP32", -1L, -1L),
                tensor("logits", "FP32", -1L, -1L, 392L)));
        contract.failed("triton-1", EngineOutcome.UNREACHABLE);
        assertThat(contract.needsCheck("triton-1")).isFalse();
        contract.failed("triton-1", EngineOutcome.MISCONFIGURED);
        assertThat(contract.needsCheck("triton-1")).isTrue();
    }
}
