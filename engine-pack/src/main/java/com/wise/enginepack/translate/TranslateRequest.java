package com.wise.enginepack.translate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON body of LibreTranslate's {@code POST /translate}; {@code api_key} and
 * {@code alternatives} are ignored.
 *
 * @param q the text, or an array of texts
 * @param format {@code text} (default) or {@code html}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranslateRequest(JsonNode q, String source, String target, String format) {
}
