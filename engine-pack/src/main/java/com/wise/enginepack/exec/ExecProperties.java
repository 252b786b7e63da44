package com.wise.enginepack.exec;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pack.exec.*}: how engine processes run.
 *
 * @param timeout longest one child process may run before it is killed (default 60 s); the
 *     request then gets 504
 * @param maxConcurrent requests one engine serves at once (default 2, the machine's cores)
 * @param queueTimeout longest a request waits for one of those slots (default 30 s); then 503
 * @param workDir parent of the per-request temporary directories, all deleted after use
 */
@Validated
@ConfigurationProperties("pack.exec")
public record ExecProperties(
        @NotNull Duration timeout,
        @Min(1) int maxConcurrent,
        @NotNull Duration queueTimeout,
        @NotNull Path workDir) {
}
