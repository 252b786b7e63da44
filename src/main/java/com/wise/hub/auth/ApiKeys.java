package com.wise.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Service clients' API keys from {@code hub.auth.api-keys}, known only by their SHA-256. */
@Component
class ApiKeys {

    private final Map<String, String> namesByHash;

    ApiKeys(AuthProperties properties) {
        this.namesByHash = properties.apiKeys().entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                e -> e.getValue().toLowerCase(Locale.ROOT), Map.Entry::getKey));
    }

    /** The configured name of the key whose SHA-256 is {@code hash}, compared in constant time. */
    Optional<String> nameOf(String hash) {
        byte[] given = hash.getBytes(StandardCharsets.US_ASCII);
        String found = null;
        for (Map.Entry<String, String> key : namesByHash.entrySet()) {
            if (MessageDigest.isEqual(given, key.getKey().getBytes(StandardCharsets.US_ASCII))) {
                found = key.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
