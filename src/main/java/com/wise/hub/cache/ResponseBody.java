package com.wise.hub.cache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;

/**
 * Reads a route's response body as bytes so that it can be both stored in Redis and sent to the
 * client, without reading more than a limit: a larger body is left for the client untouched.
 */
public final class ResponseBody {

    private ResponseBody() {
    }

    /**
     * The body of {@code message} as bytes when it has at most {@code maxBytes}; the message body
     * becomes those bytes. Empty when the body is larger (the message still carries all of it).
     */
    public static Optional<byte[]> readUpTo(Message message, long maxBytes) {
        Object body = message.getBody();
        if (body == null) {
            message.setBody(new byte[0]);
            return Optional.of(new byte[0]);
        }
        if (body instanceof StreamCache cache) {
            cache.reset();
            if (cache.length() > maxBytes) {
                return Optional.empty();
            }
        }
        if (body instanceof InputStream stream && !(body instanceof StreamCache)) {
            return readStream(message, stream, maxBytes);
        }
        byte[] bytes = message.getBody(byte[].class);
        if (bytes == null) {
            throw new IllegalStateException("the response body (" + body.getClass().getName() + ") cannot be read as bytes");
        }
        message.setBody(bytes);
        return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
    }

    private static Optional<byte[]> readStream(Message message, InputStream stream, long maxBytes) {
        try {
            byte[] head = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (head.length > maxBytes) {
                message.setBody(new SequenceInputStream(new ByteArrayInputStream(head), stream));
                return Optional.empty();
            }
            message.setBody(head);
            return Optional.of(head);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the response body", e);
        }
    }
}
