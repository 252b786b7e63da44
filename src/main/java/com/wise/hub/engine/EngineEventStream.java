package com.wise.hub.engine;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.wise.hub.engine.EventStreamObserver.StreamOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An engine's Server-Sent Events answer as the client reads it: the response body the route hands to
 * platform-http, which copies it to the client flushing after every read, so each event leaves as soon as the
 * engine sent it. A reader thread parses the engine's events into a small bounded queue (a slow client stops the
 * reading, and TCP slows the engine: the heap does not grow); each read takes the next event, or after a
 * heartbeat's silence an SSE comment. Comments the engine sends are dropped: they are not progress.
 *
 * <p>An answer that breaks never looks finished: a cut connection ({@code engine_cut}), a silence longer than the
 * idle timeout after the answer had begun ({@code stalled}) or a stream longer than its maximum ({@code too_long})
 * ends with an {@code error} event carrying an OpenAI error object, then {@code data: [DONE]}. Closing the stream
 * before its end (the client went away: Camel closes the body when its write fails) closes the engine connection
 * at once. Whatever the end, the engine's stream permit is returned and the observer told, exactly once.
 */
public final class EngineEventStream extends InputStream {

    /** Longest event (or line) an engine may send; longer breaks the stream as {@code engine_cut}. */
    static final int MAX_EVENT_BYTES = 1 << 20;
    private static final int QUEUE_EVENTS = 16;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE_DATA = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_FIELD = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_FIELD = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] SPACE = {' '};

    private sealed interface Item permits Event, End, Tick {
    }

    /** From the ticker: time to look at the clocks (a heartbeat, a stall or the end of time may be due). */
    private record Tick() implements Item {
    }

    private static final Tick TICK = new Tick();

    /** Longest the hub reads on after [DONE] for the end of the engine's answer, so its connection can be reused. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int DRAIN_BYTES = 64 * 1024;

    private record Event(byte[] bytes) implements Item {
    }

    /** The engine's stream is over: COMPLETED after [DONE], ENGINE_CUT otherwise. */
    private record End(StreamOutcome outcome, String detail) implements Item {
    }

    private final String engine;
    private final InputStream source;
    private final EventStreamOptions options;
    private final Consumer<StreamOutcome> release;
    private final EventStreamObserver observer;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_EVENTS);
    private final AtomicBoolean finished = new AtomicBoolean();
    private final StreamTicker ticker;
    private volatile Thread reader;
    /** Set once the answer is handed on: from then on the ticker wakes the client thread. */
    private volatile boolean relaying;
    /** When the reader began to read on after [DONE] (0: not draining). */
    private volatile long drainingSince;

    // Written only by the thread that reads the stream (the client's); the ticker reads the times.
    private byte[] current = new byte[0];
    private int position;
    private boolean ending;
    private StreamOutcome outcome;
    private volatile long lastData;
    private volatile long lastWrite;
    private volatile long firstEvent;

    /**
     * Starts reading {@code source} on {@code threads}.
     *
     * @param release returns the engine's stream permit; run once, when the stream ends, with how it ended (null:
     *                abandoned before it was handed on, a failure the engine call itself counted)
     */
    EngineEventStream(String engine, InputStream source, EventStreamOptions options,
            Consumer<StreamOutcome> release, Executor threads, StreamTicker ticker) {
        this.engine = engine;
        this.ticker = ticker;
        this.source = source;
        this.options = options;
        this.release = release;
        this.observer = options.observers().apply(engine);
        ticker.add(this);
        threads.execute(this::pump);
    }

    /**
     * Waits for the engine's first data event (or an immediate {@code [DONE]}).
     *
     * @return false when none came within {@code timeout}; the stream is then closed
     * @throws EngineAnswerRejected when the engine ended its stream before any event
     */
    boolean awaitFirst(Duration timeout) throws InterruptedIOException {
        Item item;
        try {
            item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
            throw new InterruptedIOException("interrupted while waiting for " + engine + "'s first event");
        }
        if (item == null) {
            abandon();
            return false;
        }
        if (item instanceof End end && end.outcome() != StreamOutcome.COMPLETED) {
            abandon();
            throw new EngineAnswerRejected(engine, "with a stream that ended before its first event (" + end.detail() + ")");
        }
        firstEvent = System.nanoTime();
        take(item);
        relaying = true;
        return true;
    }

    /** This stream's observer (the capability's: chat reads its usage from it). */
    public EventStreamObserver observer() {
        return observer;
    }

    /** Closes the engine's stream of a call that failed before its answer was handed on (no observer call). */
    void abandon() {
        if (finished.compareAndSet(false, true)) {
            stopEngine();
            release.accept(null);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position >= current.length) {
            if (ending) {
                finish(outcome);
                return -1;
            }
            next();
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    /** Ends the stream; before its end this is the client going away: the engine connection is closed now. */
    @Override
    public void close() {
        finish(ending ? outcome : StreamOutcome.CLIENT_CANCELLED);
    }

    /** Makes the next bytes for the client: an event, a heartbeat, or the end. */
    private void next() throws IOException {
        long now = System.nanoTime();
        long idleLeft = lastData + options.idleTimeout().toNanos() - now;
        long durationLeft = firstEvent + options.maxDuration().toNanos() - now;
        if (idleLeft <= 0) {
            fail(StreamOutcome.STALLED, "The engine sent nothing for " + seconds(options.idleTimeout())
                    + " s after the answer had begun; the answer is incomplete.");
            return;
        }
        if (durationLeft <= 0) {
            fail(StreamOutcome.TOO_LONG, "The answer ran longer than " + seconds(options.maxDuration())
                    + " s and was cut; it is incomplete.");
            return;
        }
        if (now - lastWrite >= options.heartbeat().toNanos() && queue.isEmpty()) {
            emit(HEARTBEAT);
            return;
        }
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while relaying " + engine + "'s stream");
        }
        take(item);
    }

    /**
     * From the ticker's thread: wakes the client thread when a heartbeat, a stall or the end of time is due and
     * nothing is queued; ends a drain after [DONE] that takes too long.
     */
    void tick(long now) {
        long since = drainingSince;
        if (since != 0 && now - since > DRAIN_NANOS) {
            stopEngine();
        }
        if (!relaying || finished.get() || !queue.isEmpty()) {
            return;
        }
        if (now - lastWrite >= options.heartbeat().toNanos() || now - lastData >= options.idleTimeout().toNanos()
                || now - firstEvent >= options.maxDuration().toNanos()) {
            queue.offer(TICK);
        }
    }

    private void take(Item item) {
        if (item instanceof Tick) {
            return;
        }
        if (item instanceof Event event) {
            lastData = System.nanoTime();
            emit(event.bytes());
        } else if (item instanceof End end && end.outcome() == StreamOutcome.COMPLETED) {
            emit(DONE);
            ending = true;
            outcome = StreamOutcome.COMPLETED;
        } else if (item instanceof End end) {
            fail(end.outcome(), "The engine's connection broke after the answer had begun (" + end.detail()
                    + "); the answer is incomplete.");
        }
    }

    /** The end of a broken answer: an error event, then [DONE]; the engine connection is closed. */
    private void fail(StreamOutcome how, String message) {
        stopEngine();
        String error = "{\"error\":{\"message\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message))
                + "\",\"type\":\"server_error\",\"code\":\"" + how.label() + "\"}}";
        emit(errorEnd(error));
        ending = true;
        outcome = how;
    }

    private void emit(byte[] bytes) {
        current = bytes;
        position = 0;
        lastWrite = System.nanoTime();
    }

    private void finish(StreamOutcome how) {
        if (finished.compareAndSet(false, true)) {
            if (how != StreamOutcome.COMPLETED) {
                stopEngine();
            }
            // After [DONE] the reader reads the answer to its end itself (within a second), so the connection is
            // kept for the engine's next call instead of being closed.
            release.accept(how);
            observer.ended(how);
        }
    }

    private void stopEngine() {
        try {
            source.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * The reader thread: the engine's events into the queue until [DONE], the end of the connection, or close. The
     * engine's bytes are read in blocks and split into lines and events as bytes (no per-byte reads, no strings but
     * an event's name): this runs for every event of every open stream.
     */
    private void pump() {
        reader = Thread.currentThread();
        try {
            if (finished.get()) {
                return;
            }
            byte[] block = new byte[8192];
            Bytes line = new Bytes(256);
            Bytes data = new Bytes(256);
            boolean hasData = false;
            String event = null;
            for (;;) {
                int n = source.read(block);
                if (n < 0) {
                    // An event not ended by its blank line is incomplete (the SSE rules drop it): a cut.
                    put(new End(StreamOutcome.ENGINE_CUT, "closed without [DONE]"));
                    return;
                }
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (block[i] != '\n') {
                        continue;
                    }
                    if (!line.append(block, from, i - from)) {
                        put(new End(StreamOutcome.ENGINE_CUT, "a line over " + MAX_EVENT_BYTES + " bytes"));
                        return;
                    }
                    from = i + 1;
                    int length = line.length();
                    if (length > 0 && line.at(length - 1) == '\r') {
                        length--;
                    }
                    if (length == 0) {
                        if (hasData) {
                            if (data.is(DONE_DATA)) {
                                put(new End(StreamOutcome.COMPLETED, null));
                                drain(block);
                                return;
                            }
                            byte[] relayed = observer.data(data.toArray());
                            if (relayed != null) {
                                put(new Event(encode(event, relayed)));
                            }
                        }
                        data.clear();
                        hasData = false;
                        event = null;
                    } else if (line.startsWith(DATA_FIELD)) {
                        int value = line.valueStart(DATA_FIELD.length, length);
                        if (hasData && !data.append(NEWLINE, 0, 1)
                                || !data.append(line.array(), value, length - value)) {
                            put(new End(StreamOutcome.ENGINE_CUT, "an event over " + MAX_EVENT_BYTES + " bytes"));
                            return;
                        }
                        hasData = true;
                    } else if (line.startsWith(EVENT_FIELD)) {
                        int value = line.valueStart(EVENT_FIELD.length, length);
                        event = new String(line.array(), value, length - value, StandardCharsets.UTF_8);
                    }
                    // comments (":..."), id, retry and unknown fields are not relayed
                    line.clear();
                }
                if (!line.append(block, from, n - from)) {
                    put(new End(StreamOutcome.ENGINE_CUT, "a line over " + MAX_EVENT_BYTES + " bytes"));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed: nobody reads any more
        } catch (IOException | RuntimeException e) {
            offerEnd(new End(StreamOutcome.ENGINE_CUT, "read failed: " + e.getClass().getSimpleName()));
        } finally {
            reader = null;
            ticker.remove(this);
        }
    }

    /** Queues the end unless nobody reads any more (the client thread waits on the queue without a timeout). */
    private void offerEnd(End end) {
        try {
            while (!finished.get() && !queue.offer(end, StreamTicker.TICK_MILLIS, TimeUnit.MILLISECONDS)) {
                // a slow client still has events to read: wait for room
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /**
     * Reads the engine's answer to its end after [DONE] (an engine ends it right away), so the HTTP client can use
     * the connection again; more than {@value #DRAIN_BYTES} bytes or a second (the ticker closes it) and it is
     * closed instead.
     */
    private void drain(byte[] block) {
        drainingSince = System.nanoTime();
        long read = 0;
        try {
            int n;
            while ((n = source.read(block)) >= 0) {
                read += n;
                if (read > DRAIN_BYTES) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // closed by the ticker, or broken: either way it is not reused
        } finally {
            drainingSince = 0;
            try {
                source.close();
            } catch (IOException e) {
                // the connection is gone either way
            }
        }
    }

    private void put(Item item) throws InterruptedException {
        queue.put(item);
    }

    /** {@code event: <name>} if named, each line of the data as {@code data: <line>}, then the blank line. */
    private static byte[] encode(String event, byte[] data) {
        // What the hub writes: the engine's event (bounded when read) as the observer changed it.
        Bytes out = new Bytes(data.length + 16, Integer.MAX_VALUE - 8);
        if (event != null) {
            out.append(EVENT_FIELD, 0, EVENT_FIELD.length);
            out.append(SPACE, 0, 1);
            byte[] name = event.getBytes(StandardCharsets.UTF_8);
            out.append(name, 0, name.length);
            out.append(NEWLINE, 0, 1);
        }
        int from = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                out.append(DATA_FIELD, 0, DATA_FIELD.length);
                out.append(SPACE, 0, 1);
                out.append(data, from, i - from);
                out.append(NEWLINE, 0, 1);
                from = i + 1;
            }
        }
        out.append(NEWLINE, 0, 1);
        return out.toArray();
    }

    /**
     * A growable byte array; what the engine sends is bounded by {@link #MAX_EVENT_BYTES} (a line may carry its CR),
     * so an engine cannot make the hub's heap grow.
     */
    private static final class Bytes {

        private final int bound;
        private byte[] bytes;
        private int length;

        Bytes(int capacity) {
            this(capacity, MAX_EVENT_BYTES + 1);
        }

        Bytes(int capacity, int bound) {
            this.bytes = new byte[capacity];
            this.bound = bound;
        }

        /** @return false (and nothing appended) when the bound would be passed */
        boolean append(byte[] from, int offset, int count) {
            if (count > bound - length) {
                return false;
            }
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(bound, Math.max(length + count, 2L * bytes.length)));
            }
            System.arraycopy(from, offset, bytes, length, count);
            length += count;
            return true;
        }

        int length() {
            return length;
        }

        byte at(int index) {
            return bytes[index];
        }

        byte[] array() {
            return bytes;
        }

        void clear() {
            length = 0;
        }

        boolean startsWith(byte[] prefix) {
            return length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
        }

        boolean is(byte[] other) {
            return Arrays.equals(bytes, 0, length, other, 0, other.length);
        }

        /** Where a field's value starts in a line of {@code end} bytes: after its name, the colon and one space. */
        int valueStart(int afterColon, int end) {
            return afterColon < end && bytes[afterColon] == ' ' ? afterColon + 1 : afterColon;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, length);
        }
    }

    /**
     * The end of a broken stream: {@code event: error} with an OpenAI error document ({@code {"error": {...}}}, as
     * OpenAI SDKs raise it), then {@code data: [DONE]}; for the relay and for a begun stream's problem alike.
     */
    public static byte[] errorEnd(String errorJson) {
        return ("event: error\ndata: " + errorJson + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
