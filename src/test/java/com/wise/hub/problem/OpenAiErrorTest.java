package com.wise.hub.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code error} member every problem body carries for OpenAI SDKs. */
class OpenAiErrorTest {

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error", "404, invalid_request_error", "405, invalid_request_error",
        "406, invalid_request_error", "409, invalid_request_error", "413, invalid_request_error",
        "415, invalid_request_error", "422, invalid_request_error",
        "401, authentication_error", "403, permission_error", "429, rate_limit_error",
        "500, server_error", "502, server_error", "503, server_error", "504, server_error"})
    void eachStatusHasTheOpenAiErrorTypeSdksExpect(int status, String type) {
        assertThat(OpenAiError.typeOf(status)).isEqualTo(type);
    }

    @Test
    void theMemberHasTheDetailTheSlugAndTheField() {
        ProblemException problem = ProblemException.badRequest("unknown-voice", "Voice 'darth' is not offered.")
                .param("voice");

        assertThat(OpenAiError.of(problem)).isEqualTo(new OpenAiError("Voice 'darth' is not offered.",
                "invalid_request_error", "unknown-voice", "voice"));
    }

    @Test
    void withoutADetailTheMessageIsTheTitleAndWithoutAFieldTheParamIsNull() {
        assertThat(OpenAiError.of(new ProblemException(503, "saturated", "Hub saturated", null)))
                .isEqualTo(new OpenAiError("Hub saturated", "server_error", "saturated", null));
    }
}
