package com.wise.hub.stt;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What speech to text accepts ({@code hub.capabilities.stt.*}, beside the capability's engines, rules,
 * deadline and limits, see {@link com.wise.hub.capability.Capability}).
 *
 * @param maxFileSize largest recording accepted (413 above it); default 25 MB, OpenAI's limit
 * @param models      the {@code model} names a client may send (passed to the engines as they are); another
 *                    name gets 400 {@code invalid-model}. So an engine's 404 for a model always means the
 *                    hub's configuration is wrong, never the client's request. Default OpenAI's
 *                    {@code whisper-1}, {@code gpt-4o-transcribe}, {@code gpt-4o-mini-transcribe}
 */
@Validated
@ConfigurationProperties("hub.capabilities.stt")
public record SttProperties(
        @DefaultValue("25MB") DataSize maxFileSize,
        @DefaultValue({"whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe"}) List<String> models) {

    public SttProperties {
        if (maxFileSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.capabilities.stt.max-file-size must be positive, was " + maxFileSize);
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("hub.capabilities.stt.models must list at least one model name");
        }
        models = List.copyOf(models);
    }
}
