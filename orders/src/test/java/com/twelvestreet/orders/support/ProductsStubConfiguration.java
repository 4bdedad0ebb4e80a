package com.twelvestreet.orders.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Starts the {@link ProductsStub} and registers it as the one instance of {@code products} for the load balancer. */
@TestConfiguration(proxyBeanMethods = false)
public class ProductsStubConfiguration {

    @Bean(destroyMethod = "down")
    ProductsStub productsStub() {
        ProductsStub stub = new ProductsStub();
        stub.up();
        return stub;
    }

    @Bean
    DynamicPropertyRegistrar productsInstance(ProductsStub stub) {
        return registry -> registry.add("spring.cloud.discovery.client.simple.instances.products[0].uri", stub::url);
    }
}
