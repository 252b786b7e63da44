package com.wise.hub.auth;

import com.wise.hub.request.RequestContext;
import com.wise.hub.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import com.wise.hub.web.ClientHeaders;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.http.common.HttpMessage;
import org.springframework.stereotype.Component;

/**
 * Decides who is calling, for rate limits and quotas: {@code user:<id>} for a bearer token the
 * identity backend accepts, {@code key:<name>} for a configured API key (as a bearer token or in
 * {@code X-API-Key}), or with {@code hub.auth.mode=off} {@code ip:<client address>}. Credentials are
 * read from the HTTP request's headers only (never a query parameter or form field); failed ones
 * count against the client address ({@link FailedAuthLimiter}). Called by the {@code admit} route;
 * the result is the exchange property {@value RequestContext#IDENTITY}.
 */
@Component("identityResolver")
public class IdentityResolver {

    /** What a plan may be called (in configuration and from the identity backend). */
    public static final Pattern PLAN_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    static final String API_KEY_HEADER = "X-API-Key";

    private static final String BEARER = "bearer ";

    private final AuthProperties properties;
    private final ApiKeys apiKeys;
    private final TokenVerifier tokens;
    private final ClientAddressResolver addresses;
    private final FailedAuthLimiter failures;

    IdentityResolver(AuthProperties properties, ApiKeys apiKeys, TokenVerifier tokens,
            ClientAddressResolver addresses, FailedAuthLimiter failures) {
        this.properties = properties;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.addresses = addresses;
        this.failures = failures;
    }

    /**
     * Sets {@value RequestContext#IDENTITY} on the exchange.
     *
     * @throws ProblemException 401 when credentials are missing or rejected; 429 when the client address
     *                          sent too many failed credentials; 503 when a token cannot be verified because
     *                          the identity backend is unreachable or not configured
     */
    public void resolve(Exchange exchange) {
        VerifiedUser caller = callerOf(exchange);
        exchange.setProperty(RequestContext.IDENTITY, caller.id());
        if (caller.plan() != null) {
            exchange.setProperty(RequestContext.PLAN, caller.plan());
        }
    }

    /** The caller as an identity ({@code user:42}, {@code key:school}, {@code ip:...}) and a plan. */
    private VerifiedUser callerOf(Exchange exchange) {
        if (properties.mode() == AuthProperties.Mode.off) {
            return new VerifiedUser("ip:" + addresses.clientAddress(servletRequest(exchange)), null);
        }
        String apiKey = ClientHeaders.first(exchange, API_KEY_HEADER).orElse(null);
        if (apiKey != null && !apiKey.isBlank()) {
            Optional<String> name = apiKeys.nameOf(CredentialHash.of(apiKey.trim()));
            if (name.isPresent()) {
                return keyCaller(name.get());
            }
            String address = address(exchange);
            failures.requireNotBlocked(address);
            failures.recordFailure(address, "invalid-api-key");
            throw new ProblemException(401, "invalid-api-key", "Invalid API key",
                    "The X-API-Key is not one this hub knows; check the key.");
        }
        String authorization = ClientHeaders.first(exchange, "Authorization").orElse(null);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                || authorization.substring(BEARER.length()).isBlank()) {
            throw new ProblemException(401, "unauthenticated", "Authentication required",
                    "Send Authorization: Bearer <token> (a WISE sign-in token or an API key).")
                    .header("WWW-Authenticate", "Bearer");
        }
        String credential = authorization.substring(BEARER.length()).trim();
        String hash = CredentialHash.of(credential);
        return apiKeys.nameOf(hash).map(this::keyCaller).orElseGet(() -> {
            VerifiedUser user = tokens.user(credential, hash, address(exchange));
            return new VerifiedUser("user:" + user.id(), user.plan());
        });
    }

    private VerifiedUser keyCaller(String name) {
        return new VerifiedUser("key:" + name, properties.keyPlans().get(name));
    }

    /** The client address of an HTTP exchange; {@code internal} for one a route made itself. */
    private String address(Exchange exchange) {
        return ClientHeaders.request(exchange).map(addresses::clientAddress).orElse("internal");
    }

    private static HttpServletRequest servletRequest(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage message) {
            return message.getRequest();
        }
        if (exchange.getIn() instanceof HttpMessage message) {
            return message.getRequest();
        }
        throw new IllegalStateException("hub.auth.mode=off identifies callers by address, but exchange "
                + exchange.getExchangeId() + " did not come from an HTTP request");
    }
}
