package com.wise.hub.config;

import java.util.regex.Pattern;

/**
 * Removes credentials from text the hub logs or shows: the user-info part of every URL in it
 * ({@code redis://:secret@host} becomes {@code redis://***@host}). Used on configured URLs in
 * start-up errors and on exception messages that may quote an engine's or Redis's address.
 */
public final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");

    private Redaction() {
    }

    /** {@code text} with the credentials of every URL in it replaced by {@code ***}; null stays null. */
    public static String url(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
    }
}
