package com.wise.hub.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.capability.Capabilities;
import com.wise.hub.engine.EngineCatalog;
import com.wise.hub.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The model aliases clients may name ({@code hub.capabilities.chat.models}), checked at start-up against the
 * engines (each target's engine is declared under {@code hub.engines} and listed by
 * {@code hub.capabilities.chat.engines}), and listed by {@code GET /v1/models} in OpenAI's shape.
 */
@Component("chatModels")
public class ChatModels {

    /** The {@code created} of every listed model: aliases are configuration, they have no creation time. */
    private static final long CREATED = 0;

    private final ChatProperties properties;
    private final ObjectMapper json;

    ChatModels(ChatProperties properties, EngineCatalog catalog, Capabilities capabilities, Environment environment,
            ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        List<String> engines = capabilities.find("chat").map(c -> c.engines()).orElse(List.of());
        properties.models().forEach((alias, targets) -> targets.forEach(target -> {
            if (catalog.find(target.engine()).isEmpty()) {
                throw new IllegalArgumentException("hub.capabilities.chat.models." + alias + " names engine "
                        + target.engine() + ", which hub.engines does not declare");
            }
            if (!engines.contains(target.engine())) {
                throw new IllegalArgumentException("hub.capabilities.chat.models." + alias + " names engine "
                        + target.engine() + ", which hub.capabilities.chat.engines does not list: " + engines);
            }
        }));
        Duration requestTimeout = environment.getProperty("hub.request-timeout", Duration.class, Duration.ofSeconds(180));
        Duration deadline = capabilities.find("chat").map(c -> c.deadline()).orElse(Duration.ZERO);
        if (deadline.plus(properties.maxStreamDuration()).compareTo(requestTimeout) >= 0) {
            throw new IllegalArgumentException("hub.capabilities.chat.deadline (" + deadline.toSeconds()
                    + " s, the wait for the first event) plus max-stream-duration ("
                    + properties.maxStreamDuration().toSeconds() + " s) must end before hub.request-timeout ("
                    + requestTimeout.toSeconds() + " s), which would cut a stream without an error event");
        }
    }

    /**
     * The alias a request names, or the default one.
     *
     * @throws ProblemException 400 {@code invalid-model} naming the aliases, for an unknown or missing model
     */
    public String resolve(Optional<String> model) {
        String alias = model.map(String::strip).filter(m -> !m.isEmpty()).orElse(properties.defaultModel());
        if (alias == null) {
            throw ProblemException.badRequest("invalid-model", "'model' is required; models: " + aliases() + ".");
        }
        if (!properties.models().containsKey(alias)) {
            throw ProblemException.badRequest("invalid-model", "Model '" + clip(alias) + "' is not served here; "
                    + "models: " + aliases() + " (GET /v1/models lists them).");
        }
        return alias;
    }

    /** The engines serving {@code alias}, in failover order. */
    public List<ChatProperties.ModelTarget> targets(String alias) {
        return properties.models().get(alias);
    }

    /** {@code GET /v1/models}: {"object": "list", "data": [{id, object: "model", created, owned_by}]}. */
    public void list(Exchange exchange) throws com.fasterxml.jackson.core.JsonProcessingException {
        List<Map<String, Object>> data = new ArrayList<>();
        for (String alias : properties.models().keySet()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", alias);
            model.put("object", "model");
            model.put("created", CREATED);
            model.put("owned_by", "wise-ai-hub");
            data.add(model);
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        exchange.getMessage().setBody(json.writeValueAsBytes(list));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    private String aliases() {
        return properties.models().isEmpty() ? "none configured" : String.join(", ", properties.models().keySet());
    }

    private static String clip(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
