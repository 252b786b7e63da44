package com.wise.hub.capability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generic part of {@code hub.capabilities.<name>} as it is bound, before {@link Capabilities} checks it.
 *
 * @param engines    see {@link Capability#engines()}
 * @param enginesByVoice    see {@link Capability#enginesByVoice()}
 * @param enginesByModel    see {@link Capability#enginesByModel()}
 * @param enginesByLanguage see {@link Capability#enginesByLanguage()}
 * @param deadline   see {@link Capability#deadline()}; unset = {@code hub.engines.defaults.deadline}
 * @param cacheTtl   a duration such as {@code 7d}, or {@code none} (the default) for no caching
 * @param idempotent see {@link Capability#idempotent()}; default true
 */
record CapabilityDeclaration(
        @DefaultValue List<String> engines,
        Map<String, List<String>> enginesByVoice,
        Map<String, List<String>> enginesByModel,
        Map<String, List<String>> enginesByLanguage,
        Duration deadline,
        @DefaultValue("none") String cacheTtl,
        @DefaultValue("true") boolean idempotent) {
}
