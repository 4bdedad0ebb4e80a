package com.twelvestreet.products.config;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the products service ({@code twelvestreet.products.*}).
 *
 * @param maxImageSize the largest product picture an admin may upload
 */
@ConfigurationProperties("twelvestreet.products")
@Validated
public record ProductsProperties(@NotNull @DefaultValue("512KB") DataSize maxImageSize) {
}
