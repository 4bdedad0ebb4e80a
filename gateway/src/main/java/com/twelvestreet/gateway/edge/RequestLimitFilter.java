package com.twelvestreet.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses oversized requests before any other work: a long URI (414), large headers (431) and a large
 * body (413). Spring Cloud Gateway's {@code RequestSize} filter reads only {@code Content-Length}, so a
 * chunked body passed it whatever its size; here the body is also counted as it streams, and the
 * request fails as soon as the limit is crossed. The errors become problem details in
 * {@code ProblemErrorWebExceptionHandler}.
 */
@Component
class RequestLimitFilter implements WebFilter, Ordered {

    private final long maxUriLength;
    private final long maxHeaderSize;
    private final long maxBodySize;

    RequestLimitFilter(RequestLimitProperties limits) {
        this.maxUriLength = limits.maxUriLength().toBytes();
        this.maxHeaderSize = limits.maxHeaderSize().toBytes();
        this.maxBodySize = limits.maxBodySize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getURI().getRawPath().length() + rawQueryLength(request) > maxUriLength) {
            return Mono.error(new ResponseStatusException(HttpStatus.URI_TOO_LONG,
                    "The request URI is longer than " + maxUriLength + " bytes."));
        }
        if (headerSize(request) > maxHeaderSize) {
            return Mono.error(new ResponseStatusException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request headers are larger than " + maxHeaderSize + " bytes."));
        }
        long announced = request.getHeaders().getContentLength();
        if (announced > maxBodySize) {
            return Mono.error(tooLarge());
        }
        if (announced >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountedBody(request)).build());
    }

    private static int rawQueryLength(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return query == null ? 0 : query.length() + 1;
    }

    private static long headerSize(ServerHttpRequest request) {
        long size = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.length() + 4; // ": " and CRLF
            }
        }
        return size;
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + maxBodySize + " bytes.");
    }

    /** A body without Content-Length (chunked), counted as it arrives. */
    private final class CountedBody extends ServerHttpRequestDecorator {

        CountedBody(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong received = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (received.addAndGet(buffer.readableByteCount()) > maxBodySize) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                }
                else {
                    sink.next(buffer);
                }
            });
        }
    }
}
