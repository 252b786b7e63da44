package com.wise.hub.grammar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Grammar checking ({@code hub.capabilities.grammar.*}, beside the capability's engines, deadline, cache and limits).
 *
 * @param maxTextLength   longest {@code text} in characters (code points); default 20,000 (LanguageTool's own default
 *                        limit per request)
 * @param maxMatches      most matches in an answer (the rest are dropped and {@code truncated} is true); default 500
 * @param maxReplacements most replacements per match, best first; default 5
 */
@ConfigurationProperties("hub.capabilities.grammar")
public record GrammarProperties(
        @DefaultValue("20000") int maxTextLength,
        @DefaultValue("500") int maxMatches,
        @DefaultValue("5") int maxReplacements) {

    public GrammarProperties {
        atLeast("max-text-length", maxTextLength);
        atLeast("max-matches", maxMatches);
        atLeast("max-replacements", maxReplacements);
    }

    private static void atLeast(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("hub.capabilities.grammar." + name + " must be at least 1, was " + value);
        }
    }
}
