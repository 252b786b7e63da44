package com.wise.hub.triton;

import com.wise.hub.engine.BreakerSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Triton runs and the acoustic model's contract ({@code hub.triton.*}). Each target is an engine
 * of the capability {@code pronunciation} ({@link TritonEngines}), tried by the same failover as the HTTP engines.
 *
 * @param targets         {@code INFERENCE_GPU_URL}: Triton gRPC endpoints, {@code host:port}, tried in this
 *                        order; they become engines {@code triton-1}, {@code triton-2}, ... Empty = not configured
 * @param model           model name in Triton's repository; default {@code wav2vec2_phoneme}
 * @param modelVersion    model version; blank (default) lets Triton pick by its version policy
 * @param input           name of the FP32 {@code [1, N]} input of 16 kHz samples; default {@code input_values}
 * @param output          name of the FP32 {@code [1, T, V]} output of logits; default {@code logits}
 * @param sampleRate      sample rate the model expects, in Hz; default 16000
 * @param frameDuration   audio per logit frame; default 20 ms (Wav2Vec2's stride of 320 samples)
 * @param vocab           Spring resource of the model's {@code vocab.json} (token to id, {@code <pad>} = CTC
 *                        blank); default the IPA vocabulary shipped in the jar
 * @param deadline        gRPC deadline of every Triton call; past it the call is cancelled and the next
 *                        target is tried; default 10 s
 * @param maxMessageBytes largest gRPC message accepted from Triton, in bytes; default 64 MiB (60 s of
 *                        audio gives about 4.8 MB of logits with a 400-token vocabulary; gRPC's own default is 4 MiB)
 * @param maxInFlight     most concurrent calls to one target from one replica; over it the target is skipped
 *                        as {@code saturated} and the next one tried; at least 1, default 64
 * @param breaker         the circuit breaker each target gets
 */
@Validated
@ConfigurationProperties("hub.triton")
public record TritonProperties(
        @DefaultValue List<String> targets,
        @DefaultValue("wav2vec2_phoneme") @NotBlank String model,
        @DefaultValue("") String modelVersion,
        @DefaultValue("input_values") @NotBlank String input,
        @DefaultValue("logits") @NotBlank String output,
        @DefaultValue("16000") int sampleRate,
        @DefaultValue("20ms") @NotNull Duration frameDuration,
        @DefaultValue("classpath:triton/ipa-vocab.json") @NotBlank String vocab,
        @DefaultValue("10s") @NotNull Duration deadline,
        @DefaultValue("67108864") int maxMessageBytes,
        @DefaultValue("64") int maxInFlight,
        @DefaultValue @Valid @NotNull Breaker breaker) {

    /** gRPC's default inbound limit; Triton's answers for long recordings exceed it. */
    private static final int GRPC_DEFAULT_MAX_MESSAGE = 4 * 1024 * 1024;

    public TritonProperties {
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("hub.triton.sample-rate must be at least 8000 Hz, was " + sampleRate);
        }
        if (frameDuration.isNegative() || frameDuration.isZero()) {
            throw new IllegalArgumentException("hub.triton.frame-duration must be positive, was " + frameDuration);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("hub.triton.deadline must be positive, was " + deadline);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("hub.triton.max-in-flight must be at least 1, was " + maxInFlight);
        }
        if (maxMessageBytes < GRPC_DEFAULT_MAX_MESSAGE) {
            throw new IllegalArgumentException("hub.triton.max-message-bytes must be at least 4194304 (4 MiB), was "
                    + maxMessageBytes);
        }
        targets = targets.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        TritonTarget.parse(targets);
    }

    /** The targets in failover order, with their ids. */
    public List<TritonTarget> targetList() {
        return TritonTarget.parse(targets);
    }

    /** True when at least one target is set. */
    public boolean configured() {
        return !targets.isEmpty();
    }

    /**
     * Circuit breaker of each target (resilience4j, one per target, named by the target id), as
     * {@link BreakerSettings} under Triton's own key names. A target's breaker opens when, among its
     * last {@code slidingWindowSize} calls (at least {@code minimumNumberOfCalls}),
     * {@code failureRateThreshold} percent failed, whatever the failure (unreachable, timed out,
     * overloaded, failing inside Triton, refusing the hub's request, another model contract), as for
     * HTTP engines. Open, it is skipped for {@code waitInOpenState}, then lets
     * {@code permittedCallsInHalfOpenState} trial calls through.
     *
     * @param failureRateThreshold          percent of failed calls that opens the breaker; default 50
     * @param slidingWindowSize             calls remembered; default 20
     * @param minimumNumberOfCalls          calls needed before the rate counts; default 5
     * @param waitInOpenState               how long an open breaker skips its target; default 30 s
     * @param permittedCallsInHalfOpenState trial calls after the wait; default 2
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("5") int minimumNumberOfCalls,
            @DefaultValue("30s") @NotNull Duration waitInOpenState,
            @DefaultValue("2") int permittedCallsInHalfOpenState) {

        public Breaker {
            if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
                throw new IllegalArgumentException("hub.triton.breaker.failure-rate-threshold must be a percentage "
                        + "in (0, 100], was " + failureRateThreshold);
            }
            requireAtLeastOne("sliding-window-size", slidingWindowSize);
            requireAtLeastOne("minimum-number-of-calls", minimumNumberOfCalls);
            requireAtLeastOne("permitted-calls-in-half-open-state", permittedCallsInHalfOpenState);
            if (waitInOpenState == null || waitInOpenState.isNegative() || waitInOpenState.isZero()) {
                throw new IllegalArgumentException("hub.triton.breaker.wait-in-open-state must be positive, was "
                        + waitInOpenState);
            }
        }

        /** These settings as every engine's breaker takes them. */
        public BreakerSettings settings() {
            return new BreakerSettings(failureRateThreshold, minimumNumberOfCalls, slidingWindowSize, waitInOpenState,
                    permittedCallsInHalfOpenState);
        }

        private static void requireAtLeastOne(String key, int value) {
            if (value < 1) {
                throw new IllegalArgumentException("hub.triton.breaker." + key + " must be at least 1, was " + value);
            }
        }
    }
}
