package com.wise.hub.triton;

import java.time.Duration;
import java.util.List;

/** {@link TritonProperties} with the shipped defaults, for unit tests. */
final class TritonTestProperties {

    private TritonTestProperties() {
    }

    static TritonProperties defaults(String... targets) {
        return new TritonProperties(List.of(targets), "wav2vec2_phoneme", "", "input_values", "logits", 16000,
                Duration.ofMillis(20), "classpath:triton/ipa-vocab.json", Duration.ofSeconds(10), 64 * 1024 * 1024, 64,
                new TritonProperties.Breaker(50, 20, 5, Duration.ofSeconds(30), 2));
    }
}
