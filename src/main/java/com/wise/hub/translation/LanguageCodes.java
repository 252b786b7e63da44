package com.wise.hub.translation;

import com.wise.hub.web.JsonFields;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language codes the hub accepts: BCP 47 style, a 2- or 3-letter language with optional
 * subtags ({@code en}, {@code vi}, {@code zh-Hans}, {@code pt-BR}); compared in lower case.
 * Whether an engine knows the language is the engine's answer (400 from it).
 */
final class LanguageCodes {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8}){0,2}");

    private LanguageCodes() {
    }

    /**
     * @throws com.wise.hub.problem.ProblemException 400 {@code invalid-<field>} for a malformed code
     */
    static String check(String field, String code) {
        String lower = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!CODE.matcher(lower).matches()) {
            throw JsonFields.invalid(field, "'" + field + "' must be a language code such as en, vi or zh-hans, was '"
                    + code + "'.");
        }
        return lower;
    }
}
