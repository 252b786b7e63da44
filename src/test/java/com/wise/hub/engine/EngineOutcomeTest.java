package com.wise.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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

    private static HttpOperationFailedException failed(int status) {
        return new HttpOperationFailedException("http://stt-1/v1", status, "status", null, Map.of(), "");
    }
}
