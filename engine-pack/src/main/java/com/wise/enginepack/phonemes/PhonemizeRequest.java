package com.wise.enginepack.phonemes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The JSON body of {@code POST /phonemize}.
 *
 * @param language an espeak-ng language code such as {@code en}, {@code en-gb}, {@code es} or
 *     {@code vi}; default {@code en}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhonemizeRequest(String text, String language) {
}
