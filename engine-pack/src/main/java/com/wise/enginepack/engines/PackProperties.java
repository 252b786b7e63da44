package com.wise.enginepack.engines;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pack.*}: which engines this process serves.
 *
 * @param engines engine names, see {@link Engine#id()}; checked at start-up by {@link EngineSelection}
 */
@Validated
@ConfigurationProperties("pack")
public record PackProperties(@NotEmpty List<String> engines) {

    /** The selected engines, in the order given. */
    public List<Engine> selected() {
        return EngineSelection.select(engines);
    }
}
