package com.wise.enginepack.visemes;

import com.wise.enginepack.sphinx.TimedToken;
import java.util.List;

/**
 * Phones with their times, from flite's synthesis or pocketsphinx's allphone decoding.
 *
 * @param phones ARPAbet-like phone names (any case) in time order
 * @param duration length of the speech in seconds
 */
record TimedPhones(List<TimedToken> phones, double duration) {
}
