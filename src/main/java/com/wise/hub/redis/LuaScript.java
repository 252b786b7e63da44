package com.wise.hub.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A Lua script the hub runs in Redis, read once from the classpath (e.g. {@code ratelimit/admit.lua}). */
public final class LuaScript {

    private LuaScript() {
    }

    /**
     * @throws IllegalStateException when the resource is missing (a packaging bug)
     */
    public static String load(String resource) {
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
