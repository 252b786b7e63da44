package com.wise.hub.ratelimit;

/**
 * One quota unit taken for a request, remembered so it can be given back if no engine was called.
 *
 * @param feature the feature charged
 * @param keys    the caller's keys at the time of the charge (the day counter names the day)
 */
record QuotaCharge(String feature, RateLimitKeys keys) {
}
