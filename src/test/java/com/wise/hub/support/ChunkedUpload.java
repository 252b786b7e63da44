package com.wise.hub.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hostile client on a raw socket: sends a request with {@code Transfer-Encoding: chunked} and keeps
 * sending chunks of zeros (after an optional preamble) until it has sent {@code total} bytes, the
 * hub answers, or the hub closes the connection. Reports the answer and how much was sent, so a
 * test can tell that the hub stopped reading early (no HTTP client library shows that).
 */
public final class ChunkedUpload {

    /** The hub's answer and what the client got to send before it. */
    public record Result(int status, Map<String, String> headers, String body, long bytesSent) {
    }

    private static final int CHUNK = 64 * 1024;

    private ChunkedUpload() {
    }

    /** POSTs {@code preamble} then zeros, chunked, to {@code path} until {@code total} bytes are sent or the hub answers. */
    public static Result post(int port, String path, String contentType, byte[] preamble, long total) throws Exception {
        return send(port, "POST", path, Map.of("Content-Type", contentType), preamble, total);
    }

    public static Result send(int port, String method, String path, Map<String, String> headers, byte[] preamble,
            long total) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nTransfer-Encoding: chunked\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Result> answer = CompletableFuture.supplyAsync(() -> read(socket));
            long sent = 0;
            byte[] zeros = new byte[CHUNK];
            try {
                if (preamble.length > 0) {
                    chunk(out, preamble, preamble.length);
                    sent += preamble.length;
                }
                while (sent < total && !answer.isDone()) {
                    int n = (int) Math.min(CHUNK, total - sent);
                    chunk(out, zeros, n);
                    sent += n;
                }
                if (!answer.isDone()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException closedByHub) {
                // The hub answered and closed the connection while we were still sending.
            }
            Result result = answer.get(60, TimeUnit.SECONDS);
            return new Result(result.status(), result.headers(), result.body(), sent);
        }
    }

    private static void chunk(OutputStream out, byte[] data, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Result read(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                    all.writeBytes(in.readNBytes(size));
                    line(in);
                }
                body = all.toByteArray();
            } else {
                body = new byte[0];
            }
            return new Result(status, headers, new String(body, StandardCharsets.UTF_8), 0);
        } catch (IOException e) {
            throw new IllegalStateException("the hub closed the connection without an answer", e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
