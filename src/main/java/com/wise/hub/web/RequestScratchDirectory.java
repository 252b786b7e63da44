package com.wise.hub.web;

import com.wise.hub.config.HubTempDirectory;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The request with a directory of its own for uploads. Camel's platform-http copies each multipart
 * file into the servlet context's {@link ServletContext#TEMPDIR} before any route step runs, and never
 * deletes it; here that attribute names a directory made for this request alone (on first use), which
 * {@link RequestObservationFilter} deletes when the request ends, whatever the route or the outcome.
 */
final class RequestScratchDirectory extends HttpServletRequestWrapper {

    private final Path directory;
    private ServletContext context;
    private volatile boolean created;

    RequestScratchDirectory(HttpServletRequest request, Path directory) {
        super(request);
        this.directory = directory;
    }

    @Override
    public ServletContext getServletContext() {
        if (context == null) {
            ServletContext real = super.getServletContext();
            context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getAttribute") && ServletContext.TEMPDIR.equals(args[0])) {
                            return directory();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
        return context;
    }

    /** Deletes the directory and the uploads in it, if it was ever made. */
    void delete() throws IOException {
        if (created) {
            HubTempDirectory.deleteRecursively(directory);
        }
    }

    private synchronized File directory() {
        if (!created) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the request's upload directory " + directory, e);
            }
            created = true;
        }
        return directory.toFile();
    }
}
