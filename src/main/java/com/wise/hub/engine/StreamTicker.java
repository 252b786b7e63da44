package com.wise.hub.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The clock of every open {@link EngineEventStream} of the hub: one thread that, every {@value #TICK_MILLIS} ms,
 * lets each stream see whether a heartbeat, a stall or its end of time is due. The stream's client thread then
 * waits on its queue without a timeout: a timed wait per event cost each event a timer set and cancelled in the
 * virtual-thread scheduler (about 4 % of the hub's CPU with 1,000 streams, bench/run.sh streams).
 */
final class StreamTicker {

    static final long TICK_MILLIS = 50;

    private final Set<EngineEventStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "engine-stream-ticker");
        thread.setDaemon(true);
        return thread;
    });

    StreamTicker() {
        clock.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void add(EngineEventStream stream) {
        streams.add(stream);
    }

    void remove(EngineEventStream stream) {
        streams.remove(stream);
    }

    int size() {
        return streams.size();
    }

    private void tick() {
        long now = System.nanoTime();
        for (EngineEventStream stream : streams) {
            try {
                stream.tick(now);
            } catch (RuntimeException e) {
                // one stream's trouble must not stop the clock of the others
            }
        }
    }

    void stop() {
        clock.shutdownNow();
    }
}
