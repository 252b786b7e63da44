package com.wise.hub.ratelimit;

/**
 * One quota unit taken for a request, remembered so it can be given back if the engines fail.
 *
 * @param feature    the feature charged
 * @param keys       the caller's keys at the time of the charge (the day counter names the day)
 * @param idempotent whether the request carried an {@code Idempotency-Key}
 */
record QuotaCharge(String feature, RateLimitKeys keys, boolean idempotent) {
}
