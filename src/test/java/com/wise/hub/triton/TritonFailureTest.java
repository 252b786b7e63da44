package com.wise.hub.triton;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.problem.ProblemException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

class TritonFailureTest {

    private static TritonFailure of(Status status) {
        // camel-grpc's synchronous producer wraps the stub's exception
        return TritonFailure.of(new RuntimeCamelException(status.asRuntimeException()));
    }

    @Test
    void anUnreachableSlowOrOverloadedTargetPassesTheTurn() {
        assertThat(of(Status.UNAVAILABLE.withDescription("io exception"))).extracting(TritonFailure::outcome,
                TritonFailure::failOver).containsExactly("unreachable", true);
        assertThat(of(Status.DEADLINE_EXCEEDED).outcome()).isEqualTo("timeout");
        assertThat(of(Status.RESOURCE_EXHAUSTED).outcome()).isEqualTo("saturated");
        assertThat(of(Status.INTERNAL.withDescription("CUDA out of memory"))).extracting(TritonFailure::outcome,
                TritonFailure::failOver).containsExactly("error", true);
    }

    @Test
    void aRefusalEndsTheRequestWith502CarryingTritonsMessage() {
        TritonFailure failure = of(Status.NOT_FOUND.withDescription("Request for unknown model: 'x' is not found"));
        assertThat(failure.failOver()).isFalse();
        assertThat(failure.outcome()).isEqualTo("rejected");
        assertThat(failure.problem().status()).isEqualTo(502);
        assertThat(failure.problem().detail()).contains("Request for unknown model: 'x' is not found");
        assertThat(of(Status.INVALID_ARGUMENT).failOver()).isFalse();
    }

    @Test
    void anOpenBreakerIsCircuitOpen() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("triton-1");
        breaker.transitionToOpenState();
        assertThat(TritonFailure.of(CallNotPermittedException.createCallNotPermittedException(breaker)).outcome())
                .isEqualTo("circuit-open");
        assertThat(TritonFailure.breakerOpen().failOver()).isTrue();
    }

    @Test
    void aContractMismatchEndsTheRequestWithItsProblem() {
        ProblemException mismatch = ModelContract.mismatch("output 'logits' is missing");
        TritonFailure failure = TritonFailure.of(mismatch);
        assertThat(failure.failOver()).isFalse();
        assertThat(failure.problem()).isSameAs(mismatch);
    }

    @Test
    void onlyFailuresThatSayTheTargetIsUnhealthyCountAgainstItsBreaker() {
        assertThat(TritonFailure.countsAgainstTarget(Status.UNAVAILABLE.asRuntimeException())).isTrue();
        assertThat(TritonFailure.countsAgainstTarget(Status.DEADLINE_EXCEEDED.asRuntimeException())).isTrue();
        assertThat(TritonFailure.countsAgainstTarget(Status.NOT_FOUND.asRuntimeException())).isFalse();
        assertThat(TritonFailure.countsAgainstTarget(ModelContract.mismatch("x"))).isFalse();
    }
}
