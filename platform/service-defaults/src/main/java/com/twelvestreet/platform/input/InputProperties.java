package com.twelvestreet.platform.input;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What a service accepts from a client ({@code twelvestreet.input.*}).
 *
 * @param maxBodySize the largest request body, announced by Content-Length or sent in chunks
 */
@ConfigurationProperties("twelvestreet.input")
@Validated
public record InputProperties(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {
}
