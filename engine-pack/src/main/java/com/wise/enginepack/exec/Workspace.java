package com.wise.enginepack.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request's own temporary directory for engine input and output files, deleted on close. */
public final class Workspace implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Workspace.class);

    private final Path dir;

    private Workspace(Path dir) {
        this.dir = dir;
    }

    static Workspace create(Path parent, String engine) {
        try {
            Path absolute = parent.toAbsolutePath();
            Files.createDirectories(absolute);
            return new Workspace(Files.createTempDirectory(absolute, engine + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + parent, e);
        }
    }

    /** The directory itself. */
    public Path dir() {
        return dir;
    }

    /** A path for a file of this name inside the workspace (not created). */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Writes UTF-8 text to a new file in the workspace and returns its path. */
    public Path write(String name, String text) {
        try {
            return Files.writeString(file(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + dir, e);
        }
    }

    /** Removes the workspace's own path from an engine message, so no server path reaches a client. */
    public String redact(String message) {
        return message.replace(dir + "/", "").replace(dir.toString(), "");
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Workspace::delete);
        } catch (IOException e) {
            log.warn("Cannot remove work directory {}: {}", dir, e.getMessage());
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Cannot remove {}: {}", path, e.getMessage());
        }
    }
}
