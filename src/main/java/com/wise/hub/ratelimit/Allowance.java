package com.wise.hub.ratelimit;

import java.util.Locale;

/**
 * How many requests a limit allows: a positive count, or {@link #UNLIMITED} (configured as
 * {@code unlimited} or {@code 0}), which turns the limit off. Bound from configuration by
 * {@link AllowanceBinding}.
 *
 * @param value the count; 0 means unlimited
 */
public record Allowance(long value) {

    public static final Allowance UNLIMITED = new Allowance(0);

    public Allowance {
        if (value < 0) {
            throw new IllegalArgumentException("a limit is a positive count, 0 or unlimited, was " + value);
        }
    }

    public static Allowance of(long value) {
        return value == 0 ? UNLIMITED : new Allowance(value);
    }

    /** Reads {@code unlimited}, {@code 0} or a positive count (underscores allowed: {@code 100_000}). */
    public static Allowance parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        if (value.equals("unlimited")) {
            return UNLIMITED;
        }
        try {
            return of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a limit is a positive count, 0 or unlimited, was '" + text + "'");
        }
    }

    public boolean unlimited() {
        return value == 0;
    }

    @Override
    public String toString() {
        return unlimited() ? "unlimited" : Long.toString(value);
    }
}
