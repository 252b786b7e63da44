package com.wise.hub.cache;

import java.util.Locale;

/**
 * The request {@code Cache-Control} directives the hub honours. {@code no-cache} (or
 * {@code max-age=0}) skips the cache read but stores the fresh answer; {@code no-store} skips
 * both. Other directives are ignored.
 */
record CacheControl(boolean noCache, boolean noStore) {

    static final String HEADER = "Cache-Control";

    static CacheControl of(String header) {
        boolean noCache = false;
        boolean noStore = false;
        if (header != null) {
            for (String part : header.split(",")) {
                String directive = part.strip().toLowerCase(Locale.ROOT).replace(" ", "");
                switch (directive) {
                    case "no-cache", "max-age=0", "max-age=\"0\"" -> noCache = true;
                    case "no-store" -> noStore = true;
                    default -> {
                        // other directives (max-stale, only-if-cached, ...) change nothing here
                    }
                }
            }
        }
        return new CacheControl(noCache, noStore);
    }
}
