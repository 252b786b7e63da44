package com.wise.hub.grammar;

/**
 * A checked grammar request.
 *
 * @param text     the text as the client sent it; match offsets count its UTF-16 code units
 * @param language a LanguageTool language code such as {@code en-US}, or {@code auto}
 */
public record GrammarRequest(String text, String language) {
}
