package com.wise.hub.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-caller limits for each feature ({@code hub.limits.*}): a sliding one-minute window and a
 * daily quota. Both hold across all replicas while Redis is up; see docs/operations.md.
 *
 * @param timezone the zone whose midnight resets the daily quotas; default {@code Asia/Ho_Chi_Minh}
 */
@Validated
@ConfigurationProperties("hub.limits")
public record LimitProperties(
        @DefaultValue("Asia/Ho_Chi_Minh") @NotNull ZoneId timezone,
        @DefaultValue @Valid FeatureLimit stt,
        @DefaultValue @Valid FeatureLimit tts,
        @DefaultValue @Valid FeatureLimit translate,
        @DefaultValue @Valid FeatureLimit phonemes,
        @DefaultValue @Valid FeatureLimit visemes,
        @DefaultValue @Valid FeatureLimit pronunciation,
        @DefaultValue @Valid FeatureLimit chat) {

    /**
     * @param perMinute requests one caller may make in any 60-second window; 1 to {@value #MAX_PER_MINUTE},
     *                  default 60. Bounded because both stores keep one entry per request in their window: the
     *                  Redis sorted set, and while Redis is down Camel's Throttle EIP (one queued permit per
     *                  allowed request per caller; a limit of 10^9 made a 512 MB hub run out of memory)
     * @param perDay    requests one caller may make per day (midnight to midnight in {@code timezone}); at least 1,
     *                  default 1000
     */
    public record FeatureLimit(@DefaultValue("60") int perMinute, @DefaultValue("1000") int perDay) {

        /** Largest per-minute limit: about 60 KB per active caller in the per-replica fallback. */
        public static final int MAX_PER_MINUTE = 10_000;

        public FeatureLimit {
            if (perMinute > MAX_PER_MINUTE) {
                throw new IllegalArgumentException("hub.limits.<feature>.per-minute must be at most " + MAX_PER_MINUTE
                        + " (each request in the window is kept, in Redis and in the per-replica fallback), was "
                        + perMinute);
            }
            if (perMinute < 1 || perDay < 1) {
                throw new IllegalArgumentException(
                        "hub.limits.<feature>.per-minute and per-day must be at least 1, were " + perMinute + " and "
                                + perDay);
            }
        }
    }

    /**
     * The limits of {@code feature}.
     *
     * @throws IllegalArgumentException for a name other than stt, tts, translate, phonemes, visemes,
     *                                  pronunciation or chat (a route passing a wrong name is a bug)
     */
    public FeatureLimit of(String feature) {
        return switch (feature == null ? "" : feature) {
            case "stt" -> stt;
            case "tts" -> tts;
            case "translate" -> translate;
            case "phonemes" -> phonemes;
            case "visemes" -> visemes;
            case "pronunciation" -> pronunciation;
            case "chat" -> chat;
            default -> throw new IllegalArgumentException("No hub.limits feature named '" + feature
                    + "'; use stt, tts, translate, phonemes, visemes, pronunciation or chat");
        };
    }
}
