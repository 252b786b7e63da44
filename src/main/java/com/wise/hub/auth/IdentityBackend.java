package com.wise.hub.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.config.Redaction;
import com.wise.hub.problem.ProblemException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the identity backend ({@code IDENTITY_URL} + {@code hub.auth.me-path}) who a bearer token
 * belongs to. Auth never fails open: a backend that cannot answer is a 503, not a pass.
 */
@Component
class IdentityBackend {

    private static final Logger log = LoggerFactory.getLogger(IdentityBackend.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final AuthProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    IdentityBackend(AuthProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        if (properties.mode() == AuthProperties.Mode.token && !properties.identityConfigured()) {
            log.warn("AUTH_MODE=token but IDENTITY_URL is not set: bearer tokens get 503, only API keys work");
        }
    }

    /**
     * The user the backend returns for {@code token}: the {@code id} member of its 200 JSON (also
     * accepted: {@code user.id}, {@code data.id}) and the {@code plan} member beside it, when there is one.
     *
     * @throws ProblemException 401 {@code invalid-token} when the backend answers 401 or 403;
     *                          503 {@code identity-not-configured} when {@code IDENTITY_URL} is unset;
     *                          503 {@code identity-unavailable} when it cannot be reached, times out,
     *                          fails or answers without a user id
     */
    VerifiedUser user(String token) {
        if (!properties.identityConfigured()) {
            throw ProblemException.serviceUnavailable("identity-not-configured", "Identity backend not configured",
                    "This hub cannot verify bearer tokens: IDENTITY_URL is not set. Use an API key or ask the "
                            + "operator to configure IDENTITY_URL.", RETRY_AFTER);
        }
        HttpRequest request = HttpRequest.newBuilder(properties.meUri()).timeout(properties.timeout())
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("Identity backend {} unreachable: {}", Redaction.url(properties.meUri().toString()), e.toString());
            throw unavailable("did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was interrupted");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw invalidToken();
        }
        if (status != 200) {
            log.warn("Identity backend {} answered {}", Redaction.url(properties.meUri().toString()), status);
            throw unavailable("answered " + status);
        }
        VerifiedUser user = userIn(response.body());
        if (user == null) {
            log.warn("Identity backend {} answered 200 without a user id", Redaction.url(properties.meUri().toString()));
            throw unavailable("answered without a user id");
        }
        return user;
    }

    /** The 401 for a token the identity backend rejected. */
    static ProblemException invalidToken() {
        return new ProblemException(401, "invalid-token", "Invalid token",
                "The bearer token is invalid or has expired; sign in again to get a new one.")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    private VerifiedUser userIn(byte[] body) {
        try {
            JsonNode doc = json.readTree(body);
            for (String parent : new String[] {"", "/user", "/data"}) {
                JsonNode id = doc.at(parent + "/id");
                if (id.isTextual() && !id.asText().isBlank() || id.isIntegralNumber()) {
                    JsonNode plan = doc.at(parent + "/plan");
                    return new VerifiedUser(id.asText(), plan.isTextual() ? VerifiedUser.planName(plan.asText()) : null);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static ProblemException unavailable(String what) {
        return ProblemException.serviceUnavailable("identity-unavailable", "Identity backend unavailable",
                "The identity backend " + what + ", so the token could not be verified; try again shortly.",
                RETRY_AFTER);
    }
}
