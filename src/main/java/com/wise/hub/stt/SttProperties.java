package com.wise.hub.stt;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Speech-to-text routing ({@code hub.stt.*}).
 *
 * @param deadline    time budget of one transcription across all engines tried; default 60 s
 * @param engines     engine ids tried in order for a language without its own rule; default {@code [stt-1, stt-2]}
 * @param languages   per ISO-639-1 language, the engine ids tried in order; default {@code vi: [stt-2, stt-1]}
 * @param maxFileSize largest recording accepted (413 above it); default 25 MB, OpenAI's limit
 * @param models      the {@code model} names a client may send (passed to the engines as they are); another
 *                    name gets 400 {@code invalid-model}. So an engine's 404 for a model always means the
 *                    hub's configuration is wrong, never the client's request. Default OpenAI's
 *                    {@code whisper-1}, {@code gpt-4o-transcribe}, {@code gpt-4o-mini-transcribe}
 */
@Validated
@ConfigurationProperties("hub.stt")
public record SttProperties(
        @DefaultValue("60s") Duration deadline,
        @DefaultValue({"stt-1", "stt-2"}) List<String> engines,
        Map<String, List<String>> languages,
        @DefaultValue("25MB") DataSize maxFileSize,
        @DefaultValue({"whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe"}) List<String> models) {

    static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    public SttProperties {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("hub.stt.deadline must be a positive duration such as 60s, was "
                    + deadline);
        }
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("hub.stt.engines must list at least one engine id");
        }
        if (maxFileSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.stt.max-file-size must be positive, was " + maxFileSize);
        }
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        (languages == null ? Map.<String, List<String>>of() : languages).forEach((language, order) -> {
            String code = language.toLowerCase(Locale.ROOT);
            if (!ISO_639_1.contains(code)) {
                throw new IllegalArgumentException("hub.stt.languages." + language
                        + ": keys are ISO-639-1 language codes such as vi or en");
            }
            if (order == null || order.isEmpty()) {
                throw new IllegalArgumentException("hub.stt.languages." + language + " must list at least one engine id");
            }
            byLanguage.put(code, List.copyOf(order));
        });
        if (models.isEmpty()) {
            throw new IllegalArgumentException("hub.stt.models must list at least one model name");
        }
        models = List.copyOf(models);
        engines = List.copyOf(engines);
        languages = Collections.unmodifiableMap(byLanguage);
    }
}
