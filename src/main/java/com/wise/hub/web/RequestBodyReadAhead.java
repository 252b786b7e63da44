package com.wise.hub.web;

import com.wise.hub.problem.ProblemException;
import com.wise.hub.problem.ProblemWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reads a request's body once Spring MVC has matched it to a Camel endpoint (so an unknown path,
 * a wrong method or a Content-Type the endpoint does not consume was refused without reading it)
 * and before Camel builds its message: a JSON body into memory through {@link BoundedBody}, a
 * multipart body by letting Tomcat parse it (its files spool to disk). Over a limit the client gets
 * 413 at once and the hub reads no further; a broken body gets 400. Without this step the read would
 * happen inside Camel's HTTP binding, whose failures become a bare 500.
 */
final class RequestBodyReadAhead implements HandlerInterceptor {

    private final ProblemWriter problems;
    private final long maxUploadBytes;

    RequestBodyReadAhead(ProblemWriter problems, long maxUploadBytes) {
        this.problems = problems;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
                || !(method.getBean() instanceof SpringBootPlatformHttpConsumer)) {
            return true;
        }
        try {
            if (request instanceof MultipartHttpServletRequest multipart) {
                multipart.getMultiFileMap();
            } else if (hasBody(request)) {
                BoundedBody.readAhead(request);
            }
            return true;
        } catch (BodyTooLargeException e) {
            return refuse(request, response, ProblemException.payloadTooLarge("The request body is larger than "
                    + e.limit() + " bytes, the most this endpoint accepts (" + e.property() + ")."));
        } catch (MaxUploadSizeExceededException e) {
            return refuse(request, response, ProblemException.payloadTooLarge("The upload is larger than "
                    + maxUploadBytes + " bytes, the most this hub accepts (hub.max-request-size), or one of its"
                    + " form fields is too long; send a shorter recording."));
        } catch (MultipartException e) {
            return refuse(request, response, ProblemException.badRequest("malformed-multipart",
                    "The multipart body could not be read: check the boundary, the parts (at most "
                            + "server.tomcat.max-part-count) and their headers."));
        } catch (IOException e) {
            return refuse(request, response, ProblemException.badRequest("malformed-body",
                    "The request body could not be read to its end (a broken chunked encoding or a closed "
                            + "connection)."));
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private boolean refuse(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        problems.write(response, problem, request.getHeader(RequestIds.HEADER));
        return false;
    }
}
