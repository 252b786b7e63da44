package com.wise.hub.idempotency;

import com.wise.hub.cache.StoredResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What Redis holds for one identity and {@code Idempotency-Key}: the fingerprint of the request
 * that first used the key, and its response once it finished (null while it runs).
 *
 * @param fingerprint kind and canonical hash of the first request
 * @param response    the first request's response, or null while it is in flight
 */
record IdempotencyRecord(String fingerprint, StoredResponse response) {

    private static final int FORMAT_VERSION = 1;

    static IdempotencyRecord inFlight(String fingerprint) {
        return new IdempotencyRecord(fingerprint, null);
    }

    boolean inFlight() {
        return response == null;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeUTF(fingerprint);
            out.writeBoolean(response != null);
            if (response != null) {
                response.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a record of this format */
    static IdempotencyRecord decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IOException("idempotency record format " + version + ", expected " + FORMAT_VERSION);
            }
            String fingerprint = in.readUTF();
            StoredResponse response = in.readBoolean() ? StoredResponse.decode(in) : null;
            return new IdempotencyRecord(fingerprint, response);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an idempotency record: " + e.getMessage(), e);
        }
    }
}
