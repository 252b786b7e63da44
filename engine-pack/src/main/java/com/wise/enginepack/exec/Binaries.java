package com.wise.enginepack.exec;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pack.binaries.*}: absolute paths of the engines' executables (Debian 12 defaults, e.g.
 * {@code /usr/bin/sox}).
 */
@Validated
@ConfigurationProperties("pack.binaries")
public record Binaries(
        @NotBlank String sox,
        @NotBlank String flite,
        @NotBlank String espeak,
        @NotBlank String pocketsphinx,
        @NotBlank String apertium) {
}
