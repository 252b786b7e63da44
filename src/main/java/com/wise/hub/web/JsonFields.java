package com.wise.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.hub.problem.ProblemException;
import java.util.Optional;

/**
 * One field of a JSON request object (as {@link JsonRequestReader} read it) as the type the API
 * documents. Absent and {@code null} are the same; a value of the wrong type is 400
 * {@code invalid-<field>} naming the field and the type expected.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * @throws ProblemException 400 when the field is present but not a string
     */
    public static Optional<String> text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field, "'" + field + "' must be a string.");
        }
        return Optional.of(value.asText());
    }

    /**
     * @throws ProblemException 400 when the field is present but not a number
     */
    public static Optional<Double> number(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw invalid(field, "'" + field + "' must be a number.");
        }
        return Optional.of(value.asDouble());
    }

    /**
     * The 400 for a field: slug {@code invalid-<field>} (underscores become dashes), {@code detail}
     * as given, the field as its {@code param}.
     */
    public static ProblemException invalid(String field, String detail) {
        return ProblemException.badRequest("invalid-" + field.replace('_', '-'), detail).param(field);
    }
}
