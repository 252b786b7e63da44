package com.wise.hub.engine;

import com.wise.hub.request.RequestContext;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.wise.hub.stt.AudioFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.support.MessageHelper;
import org.springframework.stereotype.Component;

/**
 * Checks an engine's 2xx answer inside its circuit breaker (routes/shared/engine-call.yaml), against
 * what the capability route said it expects in {@value RequestContext#ENGINE_ANSWER}: {@code audio} (not empty, not text
 * or JSON, audio by its type or its first bytes), {@code json} (one well-formed JSON object) or
 * {@code text}. An answer that fails is the engine's fault: the breaker counts it, the next engine is
 * tried, and nothing is cached or kept for replay (TTS answers used to be cached for 7 days unchecked).
 */
@Component("engineAnswerCheck")
public class EngineAnswerCheck {


    private static final JsonFactory JSON = new JsonFactory();

    /**
     * @throws EngineAnswerRejected when a 2xx answer is not what {@value RequestContext#ENGINE_ANSWER} names
     */
    public void check(Exchange exchange) throws IOException {
        Message answer = exchange.getMessage();
        int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        String expected = exchange.getProperty(RequestContext.ENGINE_ANSWER, String.class);
        if (status < 200 || status > 299 || expected == null) {
            return;
        }
        String engine = exchange.getProperty(RequestContext.ENGINE, "the engine", String.class);
        String type = answer.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        Object body = answer.getBody();
        if (body == null) {
            throw new EngineAnswerRejected(engine, "with no body");
        }
        if (!(body instanceof StreamCache)) {
            answer.setBody(answer.getBody(byte[].class));
        }
        MessageHelper.resetStreamCache(answer);
        try (InputStream in = answer.getBody(InputStream.class)) {
            switch (expected) {
                case "audio" -> checkAudio(engine, type, in);
                case "json" -> checkJson(engine, in);
                case "text" -> checkText(engine, type);
                default -> throw new IllegalArgumentException(RequestContext.ENGINE_ANSWER + " must be audio, json or text, was " + expected);
            }
        } finally {
            MessageHelper.resetStreamCache(answer);
        }
    }

    private static void checkAudio(String engine, String type, InputStream in) throws IOException {
        byte[] head = in.readNBytes(AudioFormat.HEAD_LENGTH);
        if (head.length == 0) {
            throw new EngineAnswerRejected(engine, "with an empty body instead of audio");
        }
        if (type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("html")) {
            throw new EngineAnswerRejected(engine, "with " + type.split(";")[0] + " instead of audio");
        }
        // Raw PCM (response_format pcm) has no signature; its type says what it is.
        boolean pcm = type.startsWith("audio/pcm") || type.startsWith("audio/l16") || type.startsWith("audio/raw");
        if (!pcm && AudioFormat.sniff(head).isEmpty() && !isAac(head)) {
            throw new EngineAnswerRejected(engine, "with bytes that are no audio format the hub knows");
        }
    }

    /** AAC in ADTS frames (response_format aac): sync word 0xFFF and layer 0. */
    private static boolean isAac(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0;
    }

    private static void checkJson(String engine, InputStream in) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new EngineAnswerRejected(engine, "not with a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new EngineAnswerRejected(engine, "with more than one JSON value");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EngineAnswerRejected(engine, "with malformed JSON");
        }
    }

    private static void checkText(String engine, String type) {
        if (type.contains("html")) {
            throw new EngineAnswerRejected(engine, "with an HTML page instead of a transcript");
        }
    }
}
