package com.wise.hub.engine;

import java.time.Duration;
import java.util.function.Function;

/**
 * How an engine's Server-Sent Events answer is relayed (exchange property
 * {@value com.wise.hub.request.RequestContext#EVENT_STREAM}; its presence makes an engine call a stream).
 *
 * @param firstEventTimeout longest wait for the engine's first data event; over it the engine is left for the next
 * @param idleTimeout       longest silence between data events once the answer has begun; over it the stream ends
 *                          with an error event ({@code stalled})
 * @param maxDuration       longest stream from the first event on; over it the stream ends with an error event
 * @param heartbeat         silence after which the client gets an SSE comment: keeps proxies from closing the
 *                          connection and shows a client that has gone (its write fails), so its engine call is
 *                          closed within about two heartbeats
 * @param commitAfter       wait for the first event after which the client's response is begun anyway (200, an
 *                          event stream of heartbeats) so that it sees progress while failover goes on; from then
 *                          on a failure reaches the client as an {@code error} event ({@link EventStreamWaits})
 * @param observers         makes the observer of one engine's stream, by engine id: it sees each data event (may
 *                          change or drop it) and the stream's end; an engine left before its first event had one
 *                          of its own, so a later engine's stream starts clean
 */
public record EventStreamOptions(Duration firstEventTimeout, Duration idleTimeout, Duration maxDuration,
        Duration heartbeat, Duration commitAfter, Function<String, EventStreamObserver> observers) {
}
