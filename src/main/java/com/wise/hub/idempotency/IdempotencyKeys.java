package com.wise.hub.idempotency;

import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.capability.Capabilities;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.request.RequestContext;
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

    /** 1 to 255 visible ASCII characters, as the IETF Idempotency-Key draft and Stripe use. */
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyProperties properties;
    private final Capabilities capabilities;
    private final HubRedis redis;
    private final IdempotencyOutcomes outcomes;

    IdempotencyKeys(IdempotencyProperties properties, Capabilities capabilities, HubRedis redis,
            IdempotencyOutcomes outcomes) {
        this.properties = properties;
        this.capabilities = capabilities;
        this.redis = redis;
        this.outcomes = outcomes;
    }

    /**
     * Sets {@link RequestContext#IDEMPOTENCY_KEY} when the request carries an {@code Idempotency-Key}, its
     * capability is idempotent ({@code hub.capabilities.<name>.idempotent}, else the header is ignored) and Redis
     * is there.
     *
     * @throws ProblemException 400 when the key is empty, longer than 255 characters or not visible ASCII
     */
    public void resolve(Exchange exchange) {
        exchange.removeProperty(RequestContext.IDEMPOTENCY_KEY);
        if (!capabilities.get(exchange.getProperty(RequestContext.CAPABILITY, String.class)).idempotent()) {
            return;
        }
        String given = ClientHeaders.first(exchange, HEADER).orElse(null);
        if (given == null) {
            return;
        }
        if (exchange.getProperty(RequestContext.EVENT_STREAM) != null) {
            // A stream is relayed as the engine sends it and cannot be replayed: the key is not used.
            outcomes.count(IdempotencyOutcomes.BYPASS);
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
        if (exchange.getProperty(RequestContext.REQUEST_HASH) == null) {
            throw new IllegalStateException("the idempotency step needs "
                    + RequestContext.REQUEST_HASH + " (see CanonicalRequest.describe) to tell a changed request");
        }
        String identity = exchange.getProperty(RequestContext.IDENTITY, "anonymous", String.class);
        String hash = CanonicalRequest.sha256((identity + "\n" + given).getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(RequestContext.IDEMPOTENCY_KEY, HubRedis.KEY_PREFIX + "idempotency:{" + hash + "}");
    }

    /** The fingerprint of the request on {@code exchange}: its capability and canonical hash. */
    static String fingerprint(Exchange exchange) {
        return exchange.getProperty(RequestContext.CAPABILITY, "", String.class) + ":"
                + exchange.getProperty(RequestContext.REQUEST_HASH, "", String.class);
    }
}
