package com.wise.enginepack.visemes;

import java.util.Locale;
import java.util.Map;

/**
 * Maps an ARPAbet phone (pocketsphinx's, or flite's lower-case set with {@code pau} and
 * {@code ax}) to one of Rhubarb Lip Sync's mouth shapes: A closed (P B M), B clenched teeth (most
 * consonants, EE), C open (EH AE), D wide open (AA), E rounded (AO ER), F puckered (UW OW W),
 * G teeth on lip (F V), H tongue up (L), X rest (silence).
 */
final class RhubarbShapes {

    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("P", "A"), Map.entry("B", "A"), Map.entry("M", "A"),
            Map.entry("EH", "C"), Map.entry("AE", "C"), Map.entry("AH", "C"), Map.entry("AX", "C"),
            Map.entry("EY", "C"),
            Map.entry("AA", "D"), Map.entry("AY", "D"), Map.entry("AW", "D"),
            Map.entry("AO", "E"), Map.entry("ER", "E"), Map.entry("OY", "E"), Map.entry("AXR", "E"),
            Map.entry("UW", "F"), Map.entry("UH", "F"), Map.entry("OW", "F"), Map.entry("W", "F"),
            Map.entry("F", "G"), Map.entry("V", "G"),
            Map.entry("L", "H"), Map.entry("EL", "H"),
            Map.entry("SIL", "X"), Map.entry("PAU", "X"), Map.entry("+NSN+", "X"), Map.entry("+SPN+", "X"));

    private RhubarbShapes() {
    }

    /** The shape letter; consonants and vowels not listed (T, S, K, IY, IH, ...) are B. */
    static String of(String phone) {
        return SHAPES.getOrDefault(phone.toUpperCase(Locale.ROOT), "B");
    }
}
