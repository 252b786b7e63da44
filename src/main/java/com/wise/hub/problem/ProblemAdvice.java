package com.wise.hub.problem;

import com.wise.hub.web.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem responses for what Spring MVC rejects before a route runs: unknown path, wrong method,
 * oversized or broken multipart upload, and the servlet container's own error page.
 */
@RestControllerAdvice
@RestController
class ProblemAdvice implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemWriter writer;

    ProblemAdvice(ProblemWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, new ProblemException(404, "not-found", "Not found",
                "No endpoint " + request.getRequestURI() + " on this hub; see /openapi.json for the API."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        ProblemException problem = new ProblemException(405, "method-not-allowed", "Method not allowed",
                request.getMethod() + " is not supported on " + request.getRequestURI() + "; use "
                        + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods())
                        + ".");
        if (e.getSupportedMethods() != null) {
            problem.header("Allow", String.join(", ", e.getSupportedMethods()));
        }
        write(request, response, problem);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        write(request, response, ProblemException.unsupportedMediaType("Content-Type " + e.getContentType()
                + " is not accepted on " + request.getRequestURI() + "; send " + e.getSupportedMediaTypes() + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, new ProblemException(406, "not-acceptable", "Not acceptable",
                "The Accept header asks for a media type this endpoint cannot produce."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(request, response, ProblemException.payloadTooLarge(
                "The upload is larger than this hub accepts (hub.max-request-size); send a shorter recording."));
    }

    @ExceptionHandler(MultipartException.class)
    void brokenMultipart(MultipartException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(request, response, ProblemException.badRequest("malformed-multipart",
                "The multipart body could not be read: check the boundary and the parts."));
    }

    /** The backstop {@code hub.request-timeout} ran out before the route answered. */
    @ExceptionHandler(AsyncRequestTimeoutException.class)
    void requestTimeout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, new ProblemException(504, "request-timeout", "Request timeout",
                "The hub could not answer within hub.request-timeout; try again later."));
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("Unexpected failure before routing {} {}", request.getMethod(), request.getRequestURI(), e);
        write(request, response, new ProblemException(500, "internal-error", "Internal error",
                "The hub failed unexpectedly; the request id identifies it in the logs."));
    }

    /** The servlet container's error page: errors raised outside Spring MVC (filters, the connector). */
    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        String detail = status == 404 ? "No such endpoint; see /openapi.json for the API."
                : status == 413 ? "The request body is larger than this hub accepts (hub.max-request-size)."
                : status < 500 ? "The request could not be processed." : "The hub failed unexpectedly.";
        write(request, response, new ProblemException(status, status == 404 ? "not-found" : "http-" + status,
                "HTTP " + status, detail));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        String requestId = request.getHeader(RequestIds.HEADER);
        response.setHeader(RequestIds.HEADER, requestId);
        writer.write(response, problem, requestId);
    }
}
