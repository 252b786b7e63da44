package com.wise.hub.engine;

import java.util.List;

/**
 * Engines declared outside {@code hub.engines}, e.g. the Triton targets of {@code hub.triton.targets}
 * ({@code INFERENCE_GPU_URL}). {@link EngineCatalog} adds them beside the {@code hub.engines} ones, so
 * failover, breakers, problems and metrics treat every engine alike, whatever its protocol; they are the
 * engines of {@link #capability()} when its declaration ({@code hub.capabilities.<name>.engines}) lists none.
 */
public interface EngineSource {

    /** The capability these engines serve, e.g. {@code pronunciation}. */
    String capability();

    /** The engines, resolved and checked, in failover order; ids must not clash with any other engine's. */
    List<EngineSettings> engines();
}
