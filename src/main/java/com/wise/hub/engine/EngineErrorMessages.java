package com.wise.hub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Turns an engine's 4xx body into a message a client may see: the text of the usual error shapes
 * (OpenAI {@code error.message}, FastAPI {@code detail}, {@code message}, plain text), without URLs,
 * addresses or the engines' host names, on one line of at most {@value #MAX_LENGTH} characters.
 */
@Component
class EngineErrorMessages {

    static final int MAX_LENGTH = 300;
    private static final int MAX_READ = 16 * 1024;
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");
    private static final Pattern IP = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b");
    private static final Pattern HOST_PORT = Pattern.compile("\\b[A-Za-z0-9][A-Za-z0-9.-]*:\\d{2,5}\\b");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

    private final ObjectMapper json;
    private final List<Pattern> engineHosts;

    EngineErrorMessages(ObjectMapper json, EngineCatalog catalog) {
        this.json = json;
        this.engineHosts = catalog.configured().stream().map(e -> e.url().getHost()).distinct()
                .map(host -> Pattern.compile("(?i)\\b" + Pattern.quote(host) + "(?::\\d{1,5})?\\b")).toList();
    }

    /** The client-safe message of an engine's error answer; {@code "no reason given"} when it has none. */
    String extract(Message answer) {
        String body = read(answer);
        String text = body;
        try {
            JsonNode doc = json.readTree(body);
            if (doc != null && doc.isObject()) {
                text = firstText(doc, body);
            }
        } catch (IOException notJson) {
            // plain-text error bodies are used as they are
        }
        return sanitise(text);
    }

    String sanitise(String text) {
        String clean = URL.matcher(text == null ? "" : text).replaceAll("[url]");
        for (Pattern host : engineHosts) {
            clean = host.matcher(clean).replaceAll("[engine]");
        }
        clean = IP.matcher(clean).replaceAll("[address]");
        clean = HOST_PORT.matcher(clean).replaceAll("[address]");
        clean = CONTROL.matcher(clean).replaceAll(" ").trim();
        if (clean.isEmpty()) {
            return "no reason given";
        }
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH - 1) + "…" : clean;
    }

    private static String firstText(JsonNode doc, String fallback) {
        for (String pointer : List.of("/error/message", "/error", "/detail/0/msg", "/detail", "/message")) {
            JsonNode node = doc.at(pointer);
            if (node.isTextual()) {
                return node.asText();
            }
        }
        return fallback;
    }

    private static String read(Message answer) {
        Object body = answer.getBody();
        if (body == null) {
            return "";
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, 0, Math.min(bytes.length, MAX_READ), StandardCharsets.UTF_8);
        }
        if (body instanceof String text) {
            return text.length() > MAX_READ ? text.substring(0, MAX_READ) : text;
        }
        try (InputStream in = answer.getBody(InputStream.class)) {
            return in == null ? "" : new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
