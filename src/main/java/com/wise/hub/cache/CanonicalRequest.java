package com.wise.hub.cache;

import com.wise.hub.request.RequestContext;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;

/**
 * The identity of a request for caching and idempotency: the SHA-256 of the fields that change
 * the answer, normalised so that requests a client would call equal hash equally. Field order
 * does not matter (keys are sorted), text is Unicode NFC and trimmed, numbers lose trailing
 * zeros ({@code 1.0} = {@code 1}), null fields count as absent. Lists keep their order. Binary
 * values ({@code byte[]}) enter as their own SHA-256.
 */
public final class CanonicalRequest {

    private static final ObjectMapper CANONICAL_JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private CanonicalRequest() {
    }

    /**
     * Names the request for the cache and idempotency: sets {@link RequestContext#REQUEST_HASH}. Called by
     * the capability's request bean once the request is checked; the capability itself is the kind.
     *
     * @param fields the fields that change the answer (never the engine, never a credential)
     */
    public static void describe(Exchange exchange, Map<String, ?> fields) {
        exchange.setProperty(RequestContext.REQUEST_HASH, sha256(fields));
    }

    /** The hex SHA-256 of the canonical JSON form of {@code fields}. */
    public static String sha256(Map<String, ?> fields) {
        try {
            return sha256(CANONICAL_JSON.writeValueAsBytes(normalise(fields)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request fields cannot be written as JSON", e);
        }
    }

    /** The hex SHA-256 of raw bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Text as it is compared: Unicode NFC, surrounding white space removed. */
    public static String normaliseText(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    private static Object normalise(Object value) {
        if (value instanceof String text) {
            return normaliseText(text);
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal;
        }
        if (value instanceof byte[] bytes) {
            return "sha256:" + sha256(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(normaliseText(String.valueOf(k)), normalise(v));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(normalise(item)));
            return items;
        }
        if (value instanceof Boolean || value == null) {
            return value;
        }
        throw new IllegalArgumentException("cannot canonicalise a " + value.getClass().getName());
    }
}
