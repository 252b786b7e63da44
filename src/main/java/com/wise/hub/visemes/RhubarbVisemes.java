package com.wise.hub.visemes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wise.hub.engine.EngineAnswers;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Turns the viseme service's Rhubarb cues {@code {duration, cues:[{start, end, value}]}} into the
 * API's {@code {duration, cues:[{start, end, shape, visemeId}]}}: each Rhubarb mouth shape with the
 * viseme id (0-21, the Microsoft/Azure speech viseme set) that shows the same mouth, so either a
 * 9-shape or a 22-viseme avatar can be driven.
 */
@Component("rhubarbVisemes")
public class RhubarbVisemes {

    /**
     * Rhubarb shape to viseme id: X rest = 0 silence; A closed (P B M) = 21; B clenched teeth (most
     * consonants, EE) = 19 (D T N); C open (EH AE) = 4; D wide open (AA) = 2; E rounded (AO ER) = 3;
     * F puckered (UW OW W) = 7; G teeth on lip (F V) = 18; H tongue up (L) = 14.
     */
    static final Map<String, Integer> VISEME_IDS = Map.of("X", 0, "A", 21, "B", 19, "C", 4, "D", 2, "E", 3,
            "F", 7, "G", 18, "H", 14);

    private final ObjectMapper json;
    private final EngineAnswers answers;

    RhubarbVisemes(ObjectMapper json, EngineAnswers answers) {
        this.json = json;
        this.answers = answers;
    }

    /**
     * Replaces the engine's answer with the client's.
     *
     * @throws com.wise.hub.problem.ProblemException 502 {@code engine-bad-answer} for a missing duration or
     *     cue list, a cue without numeric times, or a shape Rhubarb does not have
     */
    public void answer(Exchange exchange) throws JsonProcessingException {
        JsonNode answer = answers.readObject(exchange);
        JsonNode cues = answer.get("cues");
        if (!answer.path("duration").isNumber() || cues == null || !cues.isArray()) {
            throw answers.badAnswer(exchange, "duration or cues is missing");
        }
        ObjectNode result = json.createObjectNode();
        result.set("duration", answer.get("duration"));
        ArrayNode out = result.putArray("cues");
        for (JsonNode cue : cues) {
            String shape = cue.path("value").asText("");
            Integer visemeId = VISEME_IDS.get(shape);
            if (visemeId == null || !cue.path("start").isNumber() || !cue.path("end").isNumber()) {
                throw answers.badAnswer(exchange, "a cue has no start, no end or an unknown shape '" + shape + "'");
            }
            out.addObject().<ObjectNode>set("start", cue.get("start")).<ObjectNode>set("end", cue.get("end"))
                    .put("shape", shape).put("visemeId", visemeId);
        }
        exchange.getMessage().setBody(json.writeValueAsBytes(result));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }
}
