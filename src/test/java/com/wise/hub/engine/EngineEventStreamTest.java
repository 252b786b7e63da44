package com.wise.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.engine.EventStreamObserver.StreamOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay's reading of an engine's bytes: lines split anywhere, CR LF, comments, names, bounds and ends. */
class EngineEventStreamTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<StreamOutcome> ended = new AtomicReference<>();
    private final AtomicReference<StreamOutcome> released = new AtomicReference<>();
    private final StreamTicker ticker = new StreamTicker();

    @Test
    void relaysEventsWhateverHowTheEngineSplitsItsBytes() throws Exception {
        String engine = ": keep-alive\r\n\r\nid: 7\r\ndata: {\"a\":1}\r\n\r\nevent: note\ndata: line one\ndata: line two\n\n"
                + "retry: 100\ndata:{\"b\":2}\n\ndata: [DONE]\n\n";

        String relayed = relay(new Trickle(engine.getBytes(StandardCharsets.UTF_8), 1), data -> data);

        assertThat(relayed).isEqualTo("data: {\"a\":1}\n\nevent: note\ndata: line one\ndata: line two\n\n"
                + "data: {\"b\":2}\n\ndata: [DONE]\n\n");
        assertThat(seen).containsExactly("{\"a\":1}", "line one\nline two", "{\"b\":2}");
        assertThat(ended.get()).isEqualTo(StreamOutcome.COMPLETED);
        assertThat(released.get()).isEqualTo(StreamOutcome.COMPLETED);
    }

    @Test
    void theObserverChangesOrDropsEvents() throws Exception {
        String engine = "data: keep\n\ndata: drop\n\ndata: [DONE]\n\n";

        String relayed = relay(new Trickle(engine.getBytes(StandardCharsets.UTF_8), 5),
                data -> new String(data, StandardCharsets.UTF_8).equals("drop") ? null : "kept".getBytes(StandardCharsets.UTF_8));

        assertThat(relayed).isEqualTo("data: kept\n\ndata: [DONE]\n\n");
    }

    @Test
    void anEngineThatClosesWithoutDoneEndsWithAnErrorEvent() throws Exception {
        String relayed = relay(new Trickle("data: one\n\ndata: half an eve".getBytes(StandardCharsets.UTF_8), 3), d -> d);

        assertThat(relayed).startsWith("data: one\n\nevent: error\ndata: {\"error\":")
                .contains("\"code\":\"engine_cut\"").endsWith("data: [DONE]\n\n");
        assertThat(seen).containsExactly("one");
        assertThat(ended.get()).isEqualTo(StreamOutcome.ENGINE_CUT);
    }

    @Test
    void aLineOverTheBoundBreaksTheStreamWithoutHoldingIt() throws Exception {
        byte[] huge = new byte[EngineEventStream.MAX_EVENT_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        byte[] first = "data: ok\n\ndata: ".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[first.length + huge.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(huge, 0, all, first.length, huge.length);

        String relayed = relay(new Trickle(all, 8192), d -> d);

        assertThat(relayed).startsWith("data: ok\n\nevent: error").contains("engine_cut").contains("bytes")
                .endsWith("data: [DONE]\n\n");
        assertThat(seen).containsExactly("ok");
    }

    private String relay(InputStream engine, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        EventStreamObserver observer = new EventStreamObserver() {
            @Override
            public byte[] data(byte[] data) {
                seen.add(new String(data, StandardCharsets.UTF_8));
                return change.apply(data);
            }

            @Override
            public void ended(StreamOutcome outcome) {
                ended.set(outcome);
            }
        };
        EventStreamOptions options = new EventStreamOptions(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2), id -> observer);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            EngineEventStream stream = new EngineEventStream("llm-test", engine, options, released::set, threads, ticker);
            assertThat(stream.awaitFirst(Duration.ofSeconds(5))).isTrue();
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @AfterEach
    void stopTicker() {
        ticker.stop();
    }

    /** The engine's bytes, at most {@code step} per read. */
    private static final class Trickle extends ByteArrayInputStream {

        private final int step;

        Trickle(byte[] bytes, int step) {
            super(bytes);
            this.step = step;
        }

        @Override
        public synchronized int read(byte[] into, int offset, int length) {
            return super.read(into, offset, Math.min(step, length));
        }
    }
}
