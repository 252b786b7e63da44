package com.wise.hub.auth;

import java.util.Locale;

/**
 * A user the identity backend vouched for: their id and, when the backend names one, their plan
 * (e.g. {@code free}, {@code premium}), which chooses their limits ({@code hub.limits.plans}).
 *
 * @param id   the user id, as the backend gave it
 * @param plan the plan, lower-case; null when the backend named none or one that is not a plan name
 */
record VerifiedUser(String id, String plan) {

    private static final char SEPARATOR = '\n';

    /** {@code plan} lower-cased when it is a plan name ({@link IdentityResolver#PLAN_NAME}), else null. */
    static String planName(String plan) {
        if (plan == null) {
            return null;
        }
        String name = plan.trim().toLowerCase(Locale.ROOT);
        return IdentityResolver.PLAN_NAME.matcher(name).matches() ? name : null;
    }

    /** The form kept in the token cache: {@code plan\nid}, or the id alone. */
    String encode() {
        return plan == null ? id : plan + SEPARATOR + id;
    }

    /** Reads {@link #encode()}'s form (a plan never holds the separator; an id may). */
    static VerifiedUser decode(String cached) {
        int separator = cached.indexOf(SEPARATOR);
        if (separator < 0) {
            return new VerifiedUser(cached, null);
        }
        return new VerifiedUser(cached.substring(separator + 1), planName(cached.substring(0, separator)));
    }
}
