package com.wise.enginepack.grammar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The grammar engine ({@code pack.grammar.*}).
 *
 * @param maxTextLength   longest text in characters; longer gets 413 as LanguageTool's server answers it
 * @param defaultLanguage the language of {@code auto} (only LanguageTool's English rules are on the classpath)
 */
@ConfigurationProperties("pack.grammar")
public record GrammarProperties(
        @DefaultValue("20000") int maxTextLength,
        @DefaultValue("en-US") String defaultLanguage) {
}
