package com.wise.hub.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Which quota day an instant falls in, and when that day ends, in {@code hub.limits.timezone}. */
@Component
class QuotaCalendar {

    private final Clock clock;
    private final ZoneId zone;

    QuotaCalendar(Clock clock, LimitProperties properties) {
        this.clock = clock;
        this.zone = properties.timezone();
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** Time from {@code at} to the next midnight in the quota zone; always positive. */
    Duration untilMidnight(Instant at) {
        Instant midnight = day(at).plusDays(1).atStartOfDay(zone).toInstant();
        return Duration.between(at, midnight);
    }

    ZoneId zone() {
        return zone;
    }
}
