package com.wise.enginepack.visemes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The JSON form of {@code POST /visemes}: the text an avatar will say. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VisemeTextRequest(String text) {
}
