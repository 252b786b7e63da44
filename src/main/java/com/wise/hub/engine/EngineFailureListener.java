package com.wise.hub.engine;

/**
 * Told of every engine attempt that failed, with its outcome, for state a bean keeps per engine beside
 * its breaker: the Triton model contract, once found right, is checked again after Triton refused a call.
 * Called by {@link EngineAttemptOutcome} on the request's thread; it must not throw.
 */
public interface EngineFailureListener {

    /**
     * @param engine  the engine id, e.g. {@code triton-1}
     * @param outcome how the attempt ended, e.g. {@link EngineOutcome#MISCONFIGURED}
     */
    void failed(String engine, EngineOutcome outcome);
}
