package com.wise.hub.cache;

import com.wise.hub.phonemes.PhonemesProperties;
import com.wise.hub.translation.TranslationProperties;
import com.wise.hub.tts.TtsProperties;
import com.wise.hub.visemes.VisemesProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stops start-up when {@code hub.cache.flight-lease} would run out before a cached capability's
 * deadline: a flight whose lease ran out while its engine call still ran would let a waiter call the
 * engine a second time (a 40 s engine under a 30 s lease made two calls for one request).
 */
@Component
class FlightLeaseCheck {

    FlightLeaseCheck(CacheProperties cache, TtsProperties tts, TranslationProperties translation,
            PhonemesProperties phonemes, VisemesProperties visemes) {
        Map<String, Duration> deadlines = new LinkedHashMap<>();
        deadlines.put("hub.tts.deadline", tts.deadline());
        deadlines.put("hub.translation.deadline", translation.deadline());
        deadlines.put("hub.phonemes.deadline", phonemes.deadline());
        deadlines.put("hub.visemes.deadline", visemes.deadline());
        deadlines.forEach((name, deadline) -> {
            if (cache.flightLease().compareTo(deadline) <= 0) {
                throw new IllegalArgumentException("hub.cache.flight-lease (" + cache.flightLease() + ") must be longer "
                        + "than " + name + " (" + deadline + "), or a waiter could call the engine while the first "
                        + "call still runs");
            }
        });
        if (cache.flightWait().compareTo(cache.flightLease()) <= 0) {
            throw new IllegalArgumentException("hub.cache.flight-wait (" + cache.flightWait() + ") must be longer than "
                    + "hub.cache.flight-lease (" + cache.flightLease() + "), so a waiter can take over from a holder "
                    + "that died");
        }
    }
}
