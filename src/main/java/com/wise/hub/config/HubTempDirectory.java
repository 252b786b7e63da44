package com.wise.hub.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one directory this hub writes temporary files to, {@code <hub.temp-dir>/<pid>-<random>}:
 * Tomcat's base and work directories, Camel's stream-cache spool, and one scratch directory per
 * request for its uploads. It is deleted when the hub stops; directories left by a hub that was
 * killed (its process id no longer runs) are deleted when the next hub starts, so nothing piles up.
 */
@Component
public class HubTempDirectory implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HubTempDirectory.class);

    private final Path root;

    HubTempDirectory(TempDirProperties properties) {
        Path parent = properties.tempDir();
        try {
            Files.createDirectories(parent);
            deleteLeftovers(parent);
            this.root = Files.createDirectory(parent.resolve(ProcessHandle.current().pid() + "-"
                    + UUID.randomUUID().toString().substring(0, 8)));
            Files.createDirectories(requests());
            Files.createDirectories(documentRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the hub's temporary directory under " + parent
                    + " (hub.temp-dir)", e);
        }
    }

    /** This hub's own directory. */
    public Path root() {
        return root;
    }

    /** Tomcat's base directory (its work directory and multipart spool live below it). */
    public Path tomcat() {
        return root.resolve("tomcat");
    }

    /** Tomcat's document root: empty, the hub serves no static files. */
    public Path documentRoot() {
        return root.resolve("docbase");
    }

    /** Camel's stream-cache spool directory. */
    public Path spool() {
        return root.resolve("spool");
    }

    /** Where the per-request scratch directories are made. */
    public Path requests() {
        return root.resolve("requests");
    }

    /** A new, not yet created, scratch directory path for one request. */
    public Path newRequestDirectory() {
        return requests().resolve(UUID.randomUUID().toString());
    }

    /** Deletes {@code dir} and everything in it; a directory that is already gone is fine. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void destroy() {
        try {
            deleteRecursively(root);
        } catch (IOException e) {
            log.warn("Cannot delete the hub's temporary directory {}: {}", root, e.toString());
        }
    }

    /** Deletes the directories of hubs whose process no longer runs (killed, crashed). */
    private static void deleteLeftovers(Path parent) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, "*-*")) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                long pid;
                try {
                    pid = Long.parseLong(name.substring(0, name.indexOf('-')));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                try {
                    deleteRecursively(child);
                    log.info("Deleted {} left by hub process {}, which no longer runs", child, pid);
                } catch (IOException e) {
                    log.warn("Cannot delete {} left by hub process {}: {}", child, pid, e.toString());
                }
            }
        }
    }
}
