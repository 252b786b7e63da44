package com.wise.hub.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code error} member of every problem body, shaped as OpenAI's API shapes its errors, so an
 * OpenAI SDK (which reads {@code error.message}) shows the hub's detail instead of "(no body)".
 * {@code param} is written as {@code null} when no one field is at fault, as OpenAI does.
 *
 * @param message the problem's detail, else its title
 * @param type    the OpenAI error type of the status ({@link #typeOf(int)})
 * @param code    the problem's slug, e.g. {@code unknown-voice}
 * @param param   the request field at fault, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record OpenAiError(String message, String type, String code, String param) {

    static OpenAiError of(ProblemException problem) {
        return new OpenAiError(problem.detail() != null ? problem.detail() : problem.title(),
                typeOf(problem.status()), problem.slug(), problem.param());
    }

    /** The OpenAI error type of a status: 401, 403 and 429 have their own; other 4xx and 5xx share one each. */
    static String typeOf(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
