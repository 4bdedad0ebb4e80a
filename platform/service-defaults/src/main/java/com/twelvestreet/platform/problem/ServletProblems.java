package com.twelvestreet.platform.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem detail written straight to the response, for filters that answer before Spring MVC runs (Spring
 * Security's 401/403, the fault switch), with the trace id of the request where tracing has begun (the logs' MDC).
 */
public final class ServletProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServletProblems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        String traceId = MDC.get("traceId");
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
