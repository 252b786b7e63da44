package com.wise.hub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Reads an engine's JSON answer after {@code direct:engine-failover}, for the routes that reshape it
 * (translation, phonemes, visemes). An answer that is not the JSON the engine's contract promises
 * is the engine's fault: 502 {@code engine-bad-answer}, naming the engine, and nothing is cached.
 */
@Component("engineAnswers")
public class EngineAnswers {

    private final ObjectMapper json;

    EngineAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The answer on the message as a JSON object.
     *
     * @throws ProblemException 502 {@code engine-bad-answer} when it is not a JSON object
     */
    public JsonNode readObject(Exchange exchange) {
        JsonNode answer;
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            answer = body == null ? null : json.readTree(body);
        } catch (IOException e) {
            throw badAnswer(exchange, "its answer is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw badAnswer(exchange, "its answer is not a JSON object");
        }
        return answer;
    }

    /** The 502 for an answer that breaks the engine's contract; {@code what} says how, e.g. "cues is missing". */
    public ProblemException badAnswer(Exchange exchange, String what) {
        String engine = exchange.getMessage().getHeader("X-Engine", "the engine", String.class);
        return new ProblemException(502, "engine-bad-answer", "Engine answered wrongly",
                "The engine " + engine + " answered, but " + what + "; the answer was not used.");
    }
}
