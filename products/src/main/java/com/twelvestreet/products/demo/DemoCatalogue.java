package com.twelvestreet.products.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.twelvestreet.products.product.Product;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductDetails;
import com.twelvestreet.products.product.ProductRepository;

/** The original 12 Street's five products, loaded into an empty catalogue in the demo profile only. */
@Component
@Profile("demo")
class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private static final List<String> NAMES = List.of("TV", "MASK", "NOTEBOOK", "TABLE", "CLOCK");
    private static final List<String> DESCRIPTIONS = List.of(
            "A 55-inch 4K television with a slim bezel.",
            "A pack of 50 KF94 face masks.",
            "A 14-inch notebook computer, light enough for every day.",
            "A solid oak dining table for four.",
            "A quiet wall clock with a sweeping second hand.");

    private final ProductRepository products;
    private final ProductCatalog catalog;

    DemoCatalogue(ProductRepository products, ProductCatalog catalog) {
        this.products = products;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (products.count() > 0) {
            return;
        }
        for (int i = 1; i <= NAMES.size(); i++) {
            String name = NAMES.get(i - 1);
            Product product = catalog.create(new ProductDetails(name, DESCRIPTIONS.get(i - 1), i * 10_000L, 100));
            catalog.replaceImage(product.getId(), "image/svg+xml", picture(name));
        }
        log.info("Demo catalogue loaded: {}", NAMES);
    }

    private static byte[] picture(String name) throws IOException {
        try (InputStream svg = new ClassPathResource("demo/images/" + name.toLowerCase(Locale.ROOT) + ".svg").getInputStream()) {
            return svg.readAllBytes();
        }
    }
}
