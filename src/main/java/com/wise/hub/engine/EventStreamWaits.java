package com.wise.hub.engine;

import com.wise.hub.request.RequestContext;
import com.wise.hub.web.ServletResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Heartbeats while a streamed request waits for its first event. Failover before the first token can take the
 * chain's whole deadline (each engine has its own first-token timeout); a client that sees no byte for that long
 * gives up, and so do proxies. So once the wait passes {@link EventStreamOptions#commitAfter()}, the response is
 * begun: 200, {@code text/event-stream}, an SSE comment, then one each heartbeat, written by this bean's one
 * scheduler thread (a few bytes per waiting client). When failover is over, the route takes the response back
 * ({@link #handOver}) before it writes: the engine's events follow the comments, and a failure, whose status can no
 * longer be sent, becomes an {@code error} event with the problem's OpenAI error object, then {@code data: [DONE]}
 * (ProblemResponder, ChatAnswers).
 *
 * <p>A wait that ends before {@code commit-after} leaves no trace: its status, headers and problem body are the
 * usual ones.
 */
@Component("eventStreamWaits")
public class EventStreamWaits implements DisposableBean {

    /** Exchange property, {@link Wait}: the request's wait, set by {@link #start}. */
    public static final String WAIT = "hubEventStreamWait";
    private static final byte[] FIRST = ": waiting for the engine\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "event-stream-waits");
        thread.setDaemon(true);
        return thread;
    });

    EventStreamWaits() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts the wait of a streamed request (one with {@value RequestContext#EVENT_STREAM}); nothing for others, or
     * when the exchange has no servlet response to write to.
     */
    public void start(Exchange exchange) {
        EventStreamOptions options = exchange.getProperty(RequestContext.EVENT_STREAM, EventStreamOptions.class);
        HttpServletResponse response = ServletResponses.of(exchange);
        if (options == null || response == null || exchange.getProperty(WAIT) != null) {
            return;
        }
        Wait wait = new Wait(response);
        exchange.setProperty(WAIT, wait);
        wait.task = scheduler.scheduleAtFixedRate(wait::beat, options.commitAfter().toMillis(),
                options.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        // Whatever ends the exchange, the heartbeats end with it.
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                wait.handOver();
            }
        });
    }

    /** The exchange's wait, or null (not a stream). */
    public static Wait of(Exchange exchange) {
        return exchange.getProperty(WAIT, Wait.class);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    /** One request's wait for its first event. */
    public static final class Wait {

        private final HttpServletResponse response;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile ScheduledFuture<?> task;
        private boolean committed;
        private boolean over;
        private volatile boolean clientGone;

        Wait(HttpServletResponse response) {
            this.response = response;
        }

        private void beat() {
            lock.lock();
            try {
                if (over) {
                    return;
                }
                if (!committed) {
                    committed = true;
                    response.setStatus(200);
                    response.setContentType("text/event-stream;charset=utf-8");
                    response.getOutputStream().write(FIRST);
                } else {
                    response.getOutputStream().write(HEARTBEAT);
                }
                response.flushBuffer();
            } catch (IOException | RuntimeException e) {
                // The client went away: no more heartbeats, and no further engine is tried (EngineFailover).
                over = true;
                clientGone = true;
                cancel();
            } finally {
                lock.unlock();
            }
        }

        /**
         * Stops the heartbeats (waiting for one being written); from now on only the route writes.
         *
         * @return true when the response was begun: its status and headers are sent, the rest must be events
         */
        public boolean handOver() {
            cancel();
            lock.lock();
            try {
                over = true;
                return committed;
            } finally {
                lock.unlock();
            }
        }

        /** True once a heartbeat could not be written: the client has gone. */
        public boolean clientGone() {
            return clientGone;
        }

        private void cancel() {
            ScheduledFuture<?> scheduled = task;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
