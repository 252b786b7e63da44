package com.wise.enginepack.stt;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pack.stt.*}: the pocketsphinx models and what the STT engine accepts.
 *
 * @param acousticModel the acoustic model directory ({@code -hmm})
 * @param languageModel the n-gram language model ({@code -lm})
 * @param dictionary the pronunciation dictionary ({@code -dict})
 * @param languages ISO-639-1 codes the models recognise (default {@code [en]}); another
 *     {@code language} gets 400
 * @param maxDuration longest audio accepted (default 10 min); longer gets 422
 */
@Validated
@ConfigurationProperties("pack.stt")
public record SttProperties(
        @NotNull Path acousticModel,
        @NotNull Path languageModel,
        @NotNull Path dictionary,
        @NotEmpty List<String> languages,
        @NotNull Duration maxDuration) {
}
