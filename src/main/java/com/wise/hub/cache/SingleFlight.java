package com.wise.hub.cache;

import com.wise.hub.redis.HubRedis;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.redisson.api.RFuture;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One engine call per cache key at a time, across every replica: a Redisson lock per key, leased
 * for {@code hub.cache.flight-lease} so that when its holder dies a waiter takes over. Waiters are
 * woken by Redisson's unlock message, or retry when the lease runs out.
 */
@Component
class SingleFlight {

    private static final Logger log = LoggerFactory.getLogger(SingleFlight.class);
    /**
     * Redisson names a lock's owner by client id and thread id; a request may move between
     * threads, so each flight gets its own negative "thread id", never a real thread's.
     */
    private static final AtomicLong OWNERS = new AtomicLong();

    private final CacheProperties properties;
    private final HubRedis redis;

    SingleFlight(CacheProperties properties, HubRedis redis) {
        this.properties = properties;
        this.redis = redis;
    }

    /**
     * Waits up to {@code hub.cache.flight-wait} to hold the flight of {@code lockKey} for
     * {@code exchange}; a held flight is released when the exchange completes, at the latest.
     *
     * @return the held flight, or empty when the wait ran out (the caller then goes on alone)
     * @throws RuntimeException when Redis fails or does not answer
     */
    Optional<Flight> join(RedissonClient client, String lockKey, Exchange exchange) {
        RLock lock = client.getLock(lockKey);
        long owner = -OWNERS.incrementAndGet();
        boolean held;
        try {
            held = acquire(lock, owner);
        } catch (RuntimeException first) {
            // The reply may have been lost after the lock was taken: ask before trying again, since a
            // lock taken twice by one owner needs two releases.
            held = redis.retry("cache-flight", first, () -> lock.isHeldByThread(owner) || acquire(lock, owner));
        }
        if (!held) {
            return Optional.empty();
        }
        Flight flight = new Flight(lock, owner);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                flight.release();
            }
        });
        return Optional.of(flight);
    }

    /** Waits up to hub.cache.flight-wait for the lock; false when the wait ran out. */
    private boolean acquire(RLock lock, long owner) {
        long waitMillis = properties.flightWait().toMillis();
        RFuture<Boolean> attempt = lock.tryLockAsync(waitMillis, properties.flightLease().toMillis(),
                TimeUnit.MILLISECONDS, owner);
        try {
            // Redisson ends the attempt after waitMillis itself; the extra second only guards against a lost reply.
            return attempt.toCompletableFuture().get(waitMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(false);
            return false;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the single flight of " + lock.getName(), e);
        }
    }

    /** A held flight. Release it once the answer is stored or the call failed; releasing twice is harmless. */
    final class Flight {
        private final RLock lock;
        private final long owner;
        private final AtomicBoolean released = new AtomicBoolean();

        private Flight(RLock lock, long owner) {
            this.lock = lock;
            this.owner = owner;
        }

        void release() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            try {
                lock.unlockAsync(owner).toCompletableFuture().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IllegalMonitorStateException) {
                    // The lease ran out before the call ended and another request took the flight over.
                    log.debug("single flight {} was already taken over", lock.getName());
                } else {
                    redis.recordError("cache-flight-release", e.getCause() == null ? e : e.getCause());
                }
            }
        }
    }
}
