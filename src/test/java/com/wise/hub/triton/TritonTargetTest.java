package com.wise.hub.triton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TritonTargetTest {

    @Test
    void numbersTheTargetsInFailoverOrder() {
        assertThat(TritonTarget.parse(List.of("triton:8001", "10.0.0.7:9001"))).containsExactly(
                new TritonTarget("triton-1", "triton", 8001), new TritonTarget("triton-2", "10.0.0.7", 9001));
    }

    @Test
    void toleratesASchemeAndATrailingSlash() {
        assertThat(TritonTarget.parse(List.of("grpc://gpu-0.triton:8001/")).get(0).address()).isEqualTo("gpu-0.triton:8001");
    }

    @Test
    void theWholeEnvironmentVariableIsSplitOnCommas() {
        assertThat(TritonTestProperties.defaults(" a:1", "b:2 ", "").targetList())
                .extracting(TritonTarget::address).containsExactly("a:1", "b:2");
    }

    @Test
    void rejectsAnEntryWithoutAPort() {
        assertThatThrownBy(() -> TritonTarget.parse(List.of("triton"))).hasMessageContaining("'triton' is not one");
        assertThatThrownBy(() -> TritonTarget.parse(List.of("triton:0"))).hasMessageContaining("INFERENCE_GPU_URL");
        assertThatThrownBy(() -> TritonTarget.parse(List.of("triton:80/v2"))).hasMessageContaining("host:port");
    }

    @Test
    void noTargetMeansNotConfigured() {
        assertThat(TritonTestProperties.defaults().configured()).isFalse();
        assertThat(TritonTestProperties.defaults("t:8001").configured()).isTrue();
    }
}
