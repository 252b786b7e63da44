package com.wise.hub.engine;

/**
 * What a capability does with the events of an engine's stream as {@link EngineEventStream} relays them: read
 * what it needs (token usage), change or drop an event, and settle when the stream ends. Called from the stream's
 * reader thread ({@link #data}) and from the thread that ends it ({@link #ended}), never concurrently for one stream.
 */
public interface EventStreamObserver {

    /**
     * @param data one data event's data as UTF-8, e.g. a chat completion chunk's JSON (never {@code [DONE]})
     * @return the data to send the client in its place (UTF-8), or null to drop the event
     */
    byte[] data(byte[] data);

    /** The stream ended (called once), however it ended. */
    void ended(StreamOutcome outcome);

    /** How a relayed stream ended; {@link #label()} is the metric tag and the error event's code. */
    enum StreamOutcome {
        /** The engine sent {@code [DONE]} and the client read it. */
        COMPLETED("completed"),
        /** The client went away before the end: the engine call was closed. */
        CLIENT_CANCELLED("client_cancelled"),
        /** The engine closed the connection without {@code [DONE]}, or it broke. */
        ENGINE_CUT("engine_cut"),
        /** No data event for the idle timeout after the answer had begun. */
        STALLED("stalled"),
        /** The stream ran longer than its maximum duration. */
        TOO_LONG("too_long");

        private final String label;

        StreamOutcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
