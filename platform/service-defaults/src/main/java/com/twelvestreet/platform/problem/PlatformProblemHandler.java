package com.twelvestreet.platform.problem;

import java.util.List;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.twelvestreet.platform.input.RequestBodyTooLargeException;
import com.twelvestreet.platform.resilience.UnavailableDependency;

/**
 * Answers every error of a servlet service with an RFC 9457 problem detail: Spring MVC's own
 * exceptions (malformed JSON, wrong parameter types, unknown paths...) through the base class,
 * validation errors with the offending fields, unknown ids, conflicts, a database that is away as a 503 with
 * Retry-After, and anything unexpected as a 500 without internals. Every problem carries the request's trace id
 * ({@code traceId}): quoted by a user, it finds the request's spans and log lines (and a 500's stack trace).
 */
@RestControllerAdvice
public class PlatformProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemHandler.class);

    /** About what a database restart takes; a client that retries sooner meets the same answer. */
    private static final long RETRY_AFTER_SECONDS = 5;

    private static final List<String> SECURITY_EXCEPTIONS = List.of(
            "org.springframework.security.access.AccessDeniedException",
            "org.springframework.security.core.AuthenticationException");

    private final ObjectProvider<Tracer> tracer;

    public PlatformProblemHandler(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ProblemDetail notFound(ResourceNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler(BusinessRuleViolationException.class)
    ProblemDetail ruleViolated(BusinessRuleViolationException ex) {
        return problem(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentUpdate(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT,
                "The resource was changed by someone else in the meantime; reload it and try again.");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid values.");
        problem.setProperty("errors", ex.getConstraintViolations().stream()
                .map(v -> fieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList());
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
        if (isSecurityException(ex)) {
            throw ex; // Spring Security's filters answer these (401/403)
        }
        if (UnavailableDependency.isCause(ex)) {
            // the database restarting or unreachable: nothing is wrong with the request, it may be sent again
            log.warn("A dependency is unavailable: {}", ex.toString());
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service cannot reach what it depends on right now. Try again in a few seconds.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)).body(problem);
        }
        log.error("Unexpected error", ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote the trace id when you report it."));
    }

    private ProblemDetail withTraceId(ProblemDetail problem) {
        Span span = tracer.getIfAvailable(() -> Tracer.NOOP).currentSpan();
        if (span != null) {
            problem.setProperty("traceId", span.context().traceId());
        }
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request body has invalid fields.");
        problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
                .map(e -> fieldError(e.getField(), e.getDefaultMessage()))
                .toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
        problem.setProperty("errors", ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(parameterName(result), error.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A body cut off at the input limit is too large (413); a NUL in a JSON string names the field (400). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = findCause(ex, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return handleExceptionInternal(ex, problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()), headers,
                    HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request body cannot be read as this resource expects.");
        InvalidFormatException invalid = findCause(ex, InvalidFormatException.class);
        if (invalid != null) {
            problem.setProperty("errors", List.of(fieldError(path(invalid), invalid.getOriginalMessage())));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** {@code shippingAddress.recipient}, {@code lines[2].quantity}: the JSON path of the offending value. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "argument " + result.getMethodParameter().getParameterIndex();
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return withTraceId(problem);
    }

    /** Spring MVC's own problems (unknown path, wrong method, unreadable body...) carry the trace id too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            withTraceId(problem);
        }
        return response;
    }

    private static boolean isSecurityException(Exception ex) {
        ClassLoader loader = PlatformProblemHandler.class.getClassLoader();
        return SECURITY_EXCEPTIONS.stream()
                .filter(name -> ClassUtils.isPresent(name, loader))
                .anyMatch(name -> ClassUtils.resolveClassName(name, loader).isInstance(ex));
    }
}
