package com.wise.hub.idempotency;

import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.web.ClientHeaders;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Reads a request's {@code Idempotency-Key} and names its record in Redis, per identity:
 * {@code hub:idempotency:{sha256(identity, key)}}. The idempotency step of the pipeline template
 * {@code capability} (routes/shared/pipeline.yaml). A route that needs another capability's answer
 * inside its own request calls that capability's {@code direct:<capability>-answer}, which has no
 * idempotency step, so only the client's own request claims its key.
 */
@Component("idempotencyKeys")
public class IdempotencyKeys {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** Exchange property: the record's Redis key; absent when the request runs without idempotency. */
    public static final String KEY = "hubIdempotencyKey";
    /**
     * Exchange property: who sends the request (the auth step sets it: user id, API key name or
     * client address). Without it every client shares one key space, so keys must be unguessable.
     */
    public static final String IDENTITY = "hubIdentity";

    /** 1 to 255 visible ASCII characters, as the IETF Idempotency-Key draft and Stripe use. */
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyProperties properties;
    private final HubRedis redis;
    private final IdempotencyOutcomes outcomes;

    IdempotencyKeys(IdempotencyProperties properties, HubRedis redis, IdempotencyOutcomes outcomes) {
        this.properties = properties;
        this.redis = redis;
        this.outcomes = outcomes;
    }

    /**
     * Sets {@link #KEY} when the request carries an {@code Idempotency-Key} and Redis is there.
     *
     * @throws ProblemException 400 when the key is empty, longer than 255 characters or not visible ASCII
     */
    public void resolve(Exchange exchange) {
        exchange.removeProperty(KEY);
        String given = ClientHeaders.first(exchange, HEADER).orElse(null);
        if (given == null) {
            return;
        }
        if (!VALID_KEY.matcher(given).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be 1 to 255 visible "
                    + "ASCII characters (no spaces), for example a UUID; it was " + given.length() + " characters.");
        }
        if (!properties.enabled() || redis.client().isEmpty()) {
            outcomes.count(IdempotencyOutcomes.BYPASS);
            return;
        }
        if (exchange.getProperty(CanonicalRequest.HASH) == null) {
            throw new IllegalStateException("the idempotency step needs " + CanonicalRequest.KIND + " and "
                    + CanonicalRequest.HASH + " (see CanonicalRequest.describe) to tell a changed request");
        }
        String identity = exchange.getProperty(IDENTITY, "anonymous", String.class);
        String hash = CanonicalRequest.sha256((identity + "\n" + given).getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(KEY, HubRedis.KEY_PREFIX + "idempotency:{" + hash + "}");
    }

    /** The fingerprint of the request on {@code exchange}: its kind and canonical hash. */
    static String fingerprint(Exchange exchange) {
        return exchange.getProperty(CanonicalRequest.KIND, "", String.class) + ":"
                + exchange.getProperty(CanonicalRequest.HASH, "", String.class);
    }
}
