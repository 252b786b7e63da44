package com.wise.hub.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A response as the hub keeps it in Redis (cache entries, idempotent replays): status, content
 * type, a few documented headers and the body bytes, binary-safe. {@link #encode()} writes a
 * small versioned frame; {@link #decode(DataInputStream)} reads it back.
 *
 * @param status      HTTP status
 * @param contentType the body's media type, or null
 * @param headers     headers replayed as they were, e.g. {@code X-Engine}
 * @param body        the body bytes
 */
public record StoredResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    private static final int FORMAT_VERSION = 1;

    public StoredResponse {
        headers = Map.copyOf(headers);
    }

    /** The response on {@code message} with {@code body}, keeping the named headers that are set. */
    public static StoredResponse of(Message message, byte[] body, List<String> keptHeaders) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : keptHeaders) {
            String value = message.getHeader(name, String.class);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return new StoredResponse(statusOf(message), message.getHeader(Exchange.CONTENT_TYPE, String.class),
                kept, body);
    }

    /** The HTTP status a route has set on {@code message}; 200 when none is set. */
    public static int statusOf(Message message) {
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status == null ? 200 : status;
    }

    /** Makes this response the message: status, content type, kept headers, body. */
    public void applyTo(Message message) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType == null) {
            message.removeHeader(Exchange.CONTENT_TYPE);
        } else {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        headers.forEach(message::setHeader);
        message.setBody(body);
    }

    /** This response as bytes, readable by {@link #decode(byte[])}. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes this response into a larger frame (see {@link #decode(DataInputStream)}). */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeShort(status);
        out.writeUTF(contentType == null ? "" : contentType);
        out.writeByte(headers.size());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            out.writeUTF(header.getKey());
            out.writeUTF(header.getValue());
        }
        out.writeInt(body.length);
        out.write(body);
    }

    /**
     * Reads a response written by {@link #encode()}.
     *
     * @throws IllegalArgumentException when the bytes are not such a response (another format version)
     */
    public static StoredResponse decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return decode(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a stored response: " + e.getMessage(), e);
        }
    }

    /** Reads a response written by {@link #writeTo(DataOutputStream)}. */
    public static StoredResponse decode(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("stored response format " + version + ", expected " + FORMAT_VERSION);
        }
        int status = in.readUnsignedShort();
        String contentType = in.readUTF();
        int headerCount = in.readUnsignedByte();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerCount; i++) {
            headers.put(in.readUTF(), in.readUTF());
        }
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return new StoredResponse(status, contentType.isEmpty() ? null : contentType, headers, body);
    }
}
