package com.wise.hub.auth;

import com.wise.hub.problem.ProblemException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The user behind a bearer token: from the Redis cache when another request (on any replica)
 * verified it within {@code hub.auth.cache-ttl}, otherwise from the identity backend. A token the
 * backend rejected is remembered as rejected for {@code hub.auth.failed-cache-ttl}, and every
 * rejection counts against the client address ({@link FailedAuthLimiter}), which is refused before
 * the backend is asked once it has too many. Concurrent requests with the same unverified token on
 * this replica share one backend call.
 */
@Component
class TokenVerifier {

    private final TokenIdentityCache cache;
    private final IdentityBackend backend;
    private final FailedAuthLimiter failures;
    private final ConcurrentMap<String, CompletableFuture<VerifiedUser>> inFlight = new ConcurrentHashMap<>();

    TokenVerifier(TokenIdentityCache cache, IdentityBackend backend, FailedAuthLimiter failures) {
        this.cache = cache;
        this.backend = backend;
        this.failures = failures;
    }

    /**
     * @param token     the bearer token as the client sent it
     * @param tokenHash its {@link CredentialHash}
     * @param address   the client's address, whose failed attempts are counted
     * @throws ProblemException 401 for a rejected token; 429 when the address has too many failed attempts;
     *                          as {@link IdentityBackend#userId} does, when the token is not cached
     */
    VerifiedUser user(String token, String tokenHash, String address) {
        Optional<String> cached = cache.lookup(tokenHash);
        if (cached.isPresent() && !cached.get().equals(TokenIdentityCache.REJECTED)) {
            return VerifiedUser.decode(cached.get());
        }
        failures.requireNotBlocked(address);
        if (cached.isPresent()) {
            failures.recordFailure(address, "invalid-token");
            throw IdentityBackend.invalidToken();
        }
        try {
            return verify(token, tokenHash);
        } catch (ProblemException e) {
            if (e.status() == 401) {
                failures.recordFailure(address, "invalid-token");
            }
            throw e;
        }
    }

    private VerifiedUser verify(String token, String tokenHash) {
        CompletableFuture<VerifiedUser> mine = new CompletableFuture<>();
        CompletableFuture<VerifiedUser> running = inFlight.putIfAbsent(tokenHash, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // A call that finished between our cache miss and putIfAbsent has filled the cache.
            VerifiedUser user = cache.lookup(tokenHash).filter(c -> !c.equals(TokenIdentityCache.REJECTED))
                    .map(VerifiedUser::decode).orElseGet(() -> {
                VerifiedUser verified;
                try {
                    verified = backend.user(token);
                } catch (ProblemException e) {
                    if (e.status() == 401) {
                        cache.rememberRejected(tokenHash);
                    }
                    throw e;
                }
                cache.remember(tokenHash, verified);
                return verified;
            });
            mine.complete(user);
            return user;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(tokenHash, mine);
        }
    }

    private static VerifiedUser await(CompletableFuture<VerifiedUser> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
