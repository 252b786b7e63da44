package com.wise.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures move on to the next engine, and under which name. */
class EngineOutcomeTest {

    @Test
    void guardsThatRejectACallAreSkips() {
        assertThat(EngineOutcome.of(new ThrottlerRejectedExecutionException("cap"))).isEqualTo(EngineOutcome.SATURATED);
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("stt-1"));
        assertThat(EngineOutcome.of(open)).isEqualTo(EngineOutcome.CIRCUIT_OPEN);
        assertThat(EngineOutcome.CIRCUIT_OPEN.skipped()).isTrue();
        assertThat(EngineOutcome.SATURATED.skipped()).isTrue();
    }

    @Test
    void httpStatusesAreClassified() {
        assertThat(EngineOutcome.of(failed(503))).isEqualTo(EngineOutcome.SERVER_ERROR);
        assertThat(EngineOutcome.of(failed(500))).isEqualTo(EngineOutcome.SERVER_ERROR);
        assertThat(EngineOutcome.of(failed(429))).isEqualTo(EngineOutcome.TOO_MANY_REQUESTS);
        assertThat(EngineOutcome.of(failed(408))).isEqualTo(EngineOutcome.TIMEOUT);
        assertThat(EngineOutcome.of(failed(302))).isEqualTo(EngineOutcome.BAD_ANSWER);
        assertThat(EngineOutcome.of(failed(410))).isEqualTo(EngineOutcome.ERROR);
    }

    @Test
    void anEngineRefusingTheHubItselfIsMisconfiguredAndFailsOver() {
        for (int status : new int[] {401, 403, 404, 405}) {
            assertThat(EngineOutcome.of(failed(status))).as("HTTP %d", status).isEqualTo(EngineOutcome.MISCONFIGURED);
        }
        assertThat(EngineOutcome.MISCONFIGURED.failsOver()).isTrue();
        assertThat(EngineOutcome.MISCONFIGURED.skipped()).isFalse();
    }

    @Test
    void anAnswerTheCapabilityCannotUseIsABadAnswer() {
        assertThat(EngineOutcome.of(new RuntimeCamelException(new EngineAnswerRejected("tts-1", "not audio"))))
                .isEqualTo(EngineOutcome.BAD_ANSWER);
        assertThat(EngineOutcome.BAD_ANSWER.failsOver()).isTrue();
    }

    @Test
    void networkFailuresAreTimeoutsOrUnreachable() {
        assertThat(EngineOutcome.of(new SocketTimeoutException("Read timed out"))).isEqualTo(EngineOutcome.TIMEOUT);
        assertThat(EngineOutcome.of(new ConnectTimeoutException("connect"))).isEqualTo(EngineOutcome.TIMEOUT);
        assertThat(EngineOutcome.of(new ConnectException("refused"))).isEqualTo(EngineOutcome.UNREACHABLE);
        assertThat(EngineOutcome.of(new UnknownHostException("stt-1"))).isEqualTo(EngineOutcome.UNREACHABLE);
        assertThat(EngineOutcome.of(new RuntimeCamelException(new SocketTimeoutException())))
                .isEqualTo(EngineOutcome.TIMEOUT);
    }

    @Test
    void anythingElseIsAnErrorThatStillFailsOver() {
        assertThat(EngineOutcome.of(new IllegalStateException("bug"))).isEqualTo(EngineOutcome.ERROR);
        assertThat(EngineOutcome.ERROR.failsOver()).isTrue();
        assertThat(EngineOutcome.CLIENT_ERROR.failsOver()).isFalse();
        assertThat(EngineOutcome.OK.failsOver()).isFalse();
    }

    @Test
    void anUnreachableSlowOverloadedOrFailingGrpcServerFailsOver() {
        assertThat(EngineOutcome.of(failed(Status.UNAVAILABLE.withDescription("io exception"))))
                .isEqualTo(EngineOutcome.UNREACHABLE);
        assertThat(EngineOutcome.of(failed(Status.DEADLINE_EXCEEDED))).isEqualTo(EngineOutcome.TIMEOUT);
        assertThat(EngineOutcome.of(failed(Status.RESOURCE_EXHAUSTED))).isEqualTo(EngineOutcome.TOO_MANY_REQUESTS);
        for (Status status : new Status[] {Status.INTERNAL.withDescription("CUDA out of memory"), Status.UNKNOWN,
                Status.ABORTED, Status.CANCELLED, Status.DATA_LOSS}) {
            assertThat(EngineOutcome.of(failed(status))).as(status.getCode().name()).isEqualTo(EngineOutcome.SERVER_ERROR);
        }
        assertThat(EngineOutcome.of(Status.UNAVAILABLE.asException())).as("checked StatusException")
                .isEqualTo(EngineOutcome.UNREACHABLE);
        assertThat(EngineOutcome.UNREACHABLE.failsOver()).isTrue();
    }

    @Test
    void aGrpcRefusalOfTheHubsRequestIsMisconfiguredAndFailsOver() {
        for (Status status : new Status[] {Status.NOT_FOUND.withDescription("Request for unknown model: 'x' is not found"),
                Status.INVALID_ARGUMENT, Status.UNIMPLEMENTED, Status.PERMISSION_DENIED, Status.UNAUTHENTICATED,
                Status.FAILED_PRECONDITION, Status.OUT_OF_RANGE}) {
            assertThat(EngineOutcome.of(failed(status))).as(status.getCode().name())
                    .isEqualTo(EngineOutcome.MISCONFIGURED);
        }
    }

    @Test
    void anotherModelContractIsMisconfigured() {
        assertThat(EngineOutcome.of(new RuntimeCamelException(new EngineMisconfigured(
                "Triton target triton-1 serves model 'x' with a different contract: output 'logits' is missing"))))
                .isEqualTo(EngineOutcome.MISCONFIGURED);
    }

    @Test
    void anOpenBreakerOfAGrpcEngineIsCircuitOpen() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("triton-1");
        breaker.transitionToOpenState();
        assertThat(EngineOutcome.of(new RuntimeCamelException(
                CallNotPermittedException.createCallNotPermittedException(breaker))))
                .isEqualTo(EngineOutcome.CIRCUIT_OPEN);
    }

    /** As camel-grpc's synchronous producer fails: the stub's exception inside Camel's wrapper. */
    private static RuntimeCamelException failed(Status status) {
        return new RuntimeCamelException(status.asRuntimeException());
    }

    private static HttpOperationFailedException failed(int status) {
        return new HttpOperationFailedException("http://stt-1/v1", status, "status", null, Map.of(), "");
    }
}
