package com.wise.hub.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The request body, bounded while it is read, whatever the transfer encoding: the first byte past
 * the limit ends the read with {@link BodyTooLargeException}, and every later read fails the same way
 * (the rest is never read). A body already read ahead by {@link RequestBodyReadAhead} is served from
 * memory. Multipart bodies are read by Tomcat itself, bounded by {@code spring.servlet.multipart.*}.
 */
final class BoundedBody extends HttpServletRequestWrapper {

    /** Request attribute holding the body's bytes once read ahead. */
    static final String READ_AHEAD = BoundedBody.class.getName() + ".bytes";

    private final long limit;
    private final String property;
    private ServletInputStream stream;
    private BufferedReader reader;

    BoundedBody(HttpServletRequest request, long limit, String property) {
        super(request);
        this.limit = limit;
        this.property = property;
    }

    /**
     * Reads the whole body of {@code request} now, within the limit of its {@link BoundedBody}, and keeps
     * it for whoever reads the body next (as a stream or a reader).
     *
     * @throws BodyTooLargeException when the body is over the limit
     * @throws IOException           when the body cannot be read to its end
     */
    static void readAhead(ServletRequest request) throws IOException {
        for (ServletRequest r = request; r instanceof ServletRequestWrapper wrapper; r = wrapper.getRequest()) {
            if (r instanceof BoundedBody bounded) {
                try (InputStream in = new Limited(bounded.getRequest().getInputStream(), bounded.limit, bounded.property)) {
                    request.setAttribute(READ_AHEAD, in.readAllBytes());
                }
                return;
            }
        }
        throw new IllegalStateException("the request did not pass RequestObservationFilter (no BoundedBody)");
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called for this request");
        }
        return stream();
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() was already called for this request");
            }
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(stream(), charset));
        }
        return reader;
    }

    private ServletInputStream stream() throws IOException {
        if (stream == null) {
            byte[] ahead = (byte[]) getAttribute(READ_AHEAD);
            stream = ahead != null ? new Limited(new ByteArrayInputStream(ahead), Long.MAX_VALUE, property)
                    : new Limited(super.getInputStream(), limit, property);
        }
        return stream;
    }

    /** Counts what is read and stops for good at the limit. */
    private static final class Limited extends ServletInputStream {
        private final InputStream in;
        private final long limit;
        private final String property;
        private long count;
        private boolean finished;

        Limited(InputStream in, long limit, String property) {
            this.in = in;
            this.limit = limit;
            this.property = property;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (count > limit) {
                throw new BodyTooLargeException(limit, property);
            }
            // Never ask for more than one byte past the limit.
            long room = limit - count;
            int n = in.read(buffer, offset, room >= length ? length : (int) room + 1);
            if (n < 0) {
                finished = true;
                return n;
            }
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit, property);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the hub reads request bodies blocking");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
