package com.wise.hub.engine;

/**
 * An engine is set up differently from what the hub's configuration expects, e.g. it serves a model
 * whose tensors are not the configured ones: the hub's configuration or the engine's deployment is at
 * fault, not the request. Thrown inside an engine call, it is the outcome {@code misconfigured}.
 */
public final class EngineMisconfigured extends RuntimeException {

    /** @param message names the engine and what differs, e.g. "... triton-1 serves ...: output 'logits' is missing" */
    public EngineMisconfigured(String message) {
        super(message);
    }
}
