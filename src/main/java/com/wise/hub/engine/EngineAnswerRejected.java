package com.wise.hub.engine;

/** An engine answered 2xx with something its capability cannot use (not audio, not JSON, empty). */
final class EngineAnswerRejected extends RuntimeException {

    EngineAnswerRejected(String engine, String why) {
        super("engine " + engine + " answered 2xx, but " + why);
    }
}
