package com.twelvestreet.gateway.edge;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large a request the gateway accepts ({@code twelvestreet.gateway.limits.*}). Netty's own decoder
 * limits ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size}) are
 * set higher, so these answer with problem details instead of Netty's empty 414 and 431.
 *
 * @param maxUriLength  request target (path and query) in bytes
 * @param maxHeaderSize all header names and values together
 * @param maxBodySize   a request body, whether announced by Content-Length or sent in chunks
 */
@ConfigurationProperties("twelvestreet.gateway.limits")
@Validated
public record RequestLimitProperties(
        @NotNull @DefaultValue("8KB") DataSize maxUriLength,
        @NotNull @DefaultValue("16KB") DataSize maxHeaderSize,
        @NotNull @DefaultValue("6MB") DataSize maxBodySize) {
}
