package com.wise.hub.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the hub keeps temporary files ({@code hub.temp-dir}).
 *
 * @param tempDir parent of every hub's own temporary directory; default {@code ${java.io.tmpdir}/wise-ai-hub}
 */
@ConfigurationProperties("hub")
public record TempDirProperties(Path tempDir) {

    public TempDirProperties {
        if (tempDir == null) {
            tempDir = Path.of(System.getProperty("java.io.tmpdir"), "wise-ai-hub");
        }
    }
}
