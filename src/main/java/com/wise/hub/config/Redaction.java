package com.wise.hub.config;

import java.util.regex.Pattern;

/**
 * Removes credentials from text the hub logs or shows: the user-info part of every URL in it
 * ({@code redis://:secret@host} becomes {@code redis://***@host}). Used on configured URLs in
 * start-up errors and on exception messages that may quote an engine's or Redis's address.
 */
public final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");
    private static final Pattern ADDRESS = Pattern.compile(
            "/?\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b|\\[[0-9a-fA-F:]+](?::\\d{1,5})?"
                    + "|\\b[A-Za-z0-9][A-Za-z0-9.-]*:\\d{2,5}\\b");

    private Redaction() {
    }

    /**
     * {@code text} without any URL, address or host:port in it (each becomes {@code [address]}), for what
     * anyone may read, such as {@code /health/ready}; null stays null.
     */
    public static String addresses(String text) {
        return text == null ? null : ADDRESS.matcher(URL.matcher(text).replaceAll("[address]")).replaceAll("[address]");
    }

    /** {@code text} with the credentials of every URL in it replaced by {@code ***}; null stays null. */
    public static String url(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
    }
}
