package com.twelvestreet.platform.input;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.twelvestreet.platform.problem.ServletProblems;

/**
 * Input no service should see, refused before any other work: a body over the limit (413, also when
 * it arrives in chunks without Content-Length, counted as it is read — Tomcat itself limits only form
 * posts), and a NUL character in the query or a form (400), which PostgreSQL cannot store in text and
 * used to answer with a 500. NUL in JSON is refused by {@link NulFreeStrings}.
 */
public class RequestInputFilter extends OncePerRequestFilter {

    private final long maxBodySize;

    public RequestInputFilter(InputProperties properties) {
        this.maxBodySize = properties.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodySize) {
            ServletProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than " + maxBodySize + " bytes.");
            return;
        }
        if (hasNul(request)) {
            ServletProblems.write(request, response, HttpStatus.BAD_REQUEST,
                    "The request contains a NUL character (U+0000), which no field accepts.");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new CountedBody(request) : request, response);
    }

    private static boolean hasNul(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
            return true;
        }
        if (!MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType(request))) {
            return false;
        }
        return request.getParameterMap().values().stream()
                .anyMatch(values -> Arrays.stream(values).anyMatch(value -> value.indexOf('\0') >= 0));
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** A body without Content-Length, counted as the application reads it. */
    private final class CountedBody extends HttpServletRequestWrapper {

        private ServletInputStream counted;

        CountedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingInputStream(super.getInputStream());
            }
            return counted;
        }
    }

    private final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        CountingInputStream(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > maxBodySize) {
                throw new RequestBodyTooLargeException(maxBodySize);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
