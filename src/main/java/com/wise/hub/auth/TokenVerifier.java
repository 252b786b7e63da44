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
 * verified it within {@code hub.auth.cache-ttl}, otherwise from the identity backend. Concurrent
 * requests with the same unverified token on this replica share one backend call.
 */
@Component
class TokenVerifier {

    private final TokenIdentityCache cache;
    private final IdentityBackend backend;
    private final ConcurrentMap<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    TokenVerifier(TokenIdentityCache cache, IdentityBackend backend) {
        this.cache = cache;
        this.backend = backend;
    }

    /**
     * @param token     the bearer token as the client sent it
     * @param tokenHash its {@link CredentialHash}
     * @throws ProblemException as {@link IdentityBackend#userId} does, when the token is not cached
     */
    String userId(String token, String tokenHash) {
        Optional<String> cached = cache.userId(tokenHash);
        if (cached.isPresent()) {
            return cached.get();
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = inFlight.putIfAbsent(tokenHash, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // A call that finished between our cache miss and putIfAbsent has filled the cache.
            String id = cache.userId(tokenHash).orElseGet(() -> {
                String verified = backend.userId(token);
                cache.remember(tokenHash, verified);
                return verified;
            });
            mine.complete(id);
            return id;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(tokenHash, mine);
        }
    }

    private static String await(CompletableFuture<String> running) {
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
