package com.wise.hub.cache;

import com.wise.hub.capability.Capabilities;
import com.wise.hub.capability.Capability;
import org.springframework.stereotype.Component;

/**
 * Stops start-up when {@code hub.cache.flight-lease} would run out before a cached capability's
 * deadline: a flight whose lease ran out while its engine call still ran would let a waiter call the
 * engine a second time (a 40 s engine under a 30 s lease made two calls for one request).
 */
@Component
class FlightLeaseCheck {

    FlightLeaseCheck(CacheProperties cache, Capabilities capabilities) {
        for (Capability capability : capabilities.all().values()) {
            if (capability.cached() && cache.flightLease().compareTo(capability.deadline()) <= 0) {
                throw new IllegalArgumentException("hub.cache.flight-lease (" + cache.flightLease() + ") must be longer "
                        + "than hub.capabilities." + capability.name() + ".deadline (" + capability.deadline()
                        + "), or a waiter could call the engine while the first call still runs");
            }
        }
        if (cache.flightWait().compareTo(cache.flightLease()) <= 0) {
            throw new IllegalArgumentException("hub.cache.flight-wait (" + cache.flightWait() + ") must be longer than "
                    + "hub.cache.flight-lease (" + cache.flightLease() + "), so a waiter can take over from a holder "
                    + "that died");
        }
    }
}
