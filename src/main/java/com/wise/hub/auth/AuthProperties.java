package com.wise.hub.auth;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the hub and how the hub finds out ({@code hub.auth.*}).
 *
 * @param mode        {@code token} (default, {@code AUTH_MODE}): every capability request carries
 *                    {@code Authorization: Bearer <token>} checked with the identity backend, or a configured API
 *                    key; {@code off}: no credentials, the identity is the client address (local runs only)
 * @param identityUrl {@code IDENTITY_URL}: base URL of the identity backend; blank = tokens cannot be checked
 *                    (503 {@code identity-not-configured}), API keys still work
 * @param mePath      path on the identity backend that answers 200 with the user's JSON ({@code id}) for a valid
 *                    token and 401 for an invalid or expired one; default {@code /api/v1/auth/me}
 * @param cacheTtl    how long a verified token is remembered in Redis (by its SHA-256, never the token); default 5 min
 * @param timeout     how long the hub waits for the identity backend; default 2 s
 * @param apiKeys     service clients' API keys: name → lower-case hex SHA-256 of the key (the key itself is never
 *                    configured); the name becomes the identity {@code key:<name>}
 * @param failedCacheTtl how long a token the identity backend rejected is remembered as rejected (by its
 *                    SHA-256), so repeating it costs no backend call; default 1 min
 * @param failedAttemptsPerMinute failed credentials (unknown API keys, rejected tokens) one client address may
 *                    send per minute; past it the address gets 429 before the identity backend is asked again,
 *                    until the minute is over. Default 30
 * @param keyPlans    API key name → the plan its caller is on ({@code hub.limits.plans}); a key without one is on
 *                    {@code hub.limits.default-plan}
 */
@Validated
@ConfigurationProperties("hub.auth")
public record AuthProperties(
        @DefaultValue("token") @NotNull Mode mode,
        String identityUrl,
        @DefaultValue("/api/v1/auth/me") @NotNull String mePath,
        @DefaultValue("5m") @NotNull Duration cacheTtl,
        @DefaultValue("2s") @NotNull Duration timeout,
        Map<String, String> apiKeys,
        @DefaultValue("1m") @NotNull Duration failedCacheTtl,
        @DefaultValue("30") int failedAttemptsPerMinute,
        Map<String, String> keyPlans) {

    public enum Mode { token, off }

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public AuthProperties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        keyPlans = keyPlans == null ? Map.of() : Map.copyOf(keyPlans);
        for (Map.Entry<String, String> plan : keyPlans.entrySet()) {
            if (!apiKeys.containsKey(plan.getKey())) {
                throw new IllegalArgumentException("hub.auth.key-plans." + plan.getKey()
                        + " names no key of hub.auth.api-keys; keys: " + apiKeys.keySet());
            }
            if (plan.getValue() == null || !IdentityResolver.PLAN_NAME.matcher(plan.getValue()).matches()) {
                throw new IllegalArgumentException("hub.auth.key-plans." + plan.getKey()
                        + ": a plan name is 1 to 32 lower-case letters, digits, '-' or '_'");
            }
        }
        for (Map.Entry<String, String> key : apiKeys.entrySet()) {
            if (key.getValue() == null || !SHA256_HEX.matcher(key.getValue().toLowerCase(Locale.ROOT)).matches()) {
                throw new IllegalArgumentException("hub.auth.api-keys." + key.getKey()
                        + " must be the 64-hex-digit SHA-256 of the key (e.g. printf %s KEY | sha256sum), not the key");
            }
        }
        if (!mePath.startsWith("/")) {
            throw new IllegalArgumentException("hub.auth.me-path must start with /, was " + mePath);
        }
        if (cacheTtl.isNegative() || cacheTtl.isZero() || timeout.isNegative() || timeout.isZero()
                || failedCacheTtl.isNegative() || failedCacheTtl.isZero()) {
            throw new IllegalArgumentException("hub.auth.cache-ttl, failed-cache-ttl and timeout must be positive");
        }
        if (failedAttemptsPerMinute < 1) {
            throw new IllegalArgumentException("hub.auth.failed-attempts-per-minute must be at least 1, was "
                    + failedAttemptsPerMinute);
        }
        if (identityUrl != null && !identityUrl.isBlank()) {
            URI uri;
            try {
                uri = URI.create(identityUrl.trim());
            } catch (IllegalArgumentException e) {
                // Not chained: the parser's message quotes the whole value, credentials included.
                throw new IllegalArgumentException("IDENTITY_URL is not a URL: "
                        + com.wise.hub.config.Redaction.url(identityUrl));
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("IDENTITY_URL must be an http(s) URL, was "
                        + com.wise.hub.config.Redaction.url(identityUrl));
            }
        }
    }

    /** True when {@code IDENTITY_URL} is set. */
    public boolean identityConfigured() {
        return identityUrl != null && !identityUrl.isBlank();
    }

    /** The URL that verifies a token: {@code identity-url} without a trailing slash, then {@code me-path}. */
    public URI meUri() {
        String base = identityUrl.trim();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + mePath);
    }
}
