package com.wise.enginepack.visemes;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pack.visemes.*}.
 *
 * @param maxTextLength longest {@code text} in characters (default 4096)
 * @param fliteVoice the flite voice whose timing a text's visemes follow (default slt)
 * @param acousticModel pocketsphinx acoustic model directory for audio ({@code -hmm})
 * @param phoneModel the phone language model for allphone mode ({@code en-us-phone.lm.bin})
 * @param decoderOptions further pocketsphinx options for allphone decoding
 * @param maxDuration longest audio accepted (default 10 min)
 */
@Validated
@ConfigurationProperties("pack.visemes")
public record VisemeProperties(
        @Min(1) int maxTextLength,
        @NotBlank String fliteVoice,
        @NotNull Path acousticModel,
        @NotNull Path phoneModel,
        List<String> decoderOptions,
        @NotNull Duration maxDuration) {
}
