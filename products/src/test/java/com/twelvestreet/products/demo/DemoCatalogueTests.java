package com.twelvestreet.products.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.products.ProductsApiTest;

import static org.assertj.core.api.Assertions.assertThat;


@ProductsApiTest
@ActiveProfiles({ "test", "demo" })
class DemoCatalogueTests {

    @Autowired
    RestTestClient http;

    @Test
    void shouldOfferTheFiveDemoProductsWithPicturesAndPricesInTensOfThousandsOfWon() {
        http.get().uri("/api/products").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].name").<List<String>>value(names -> assertThat(names).containsExactly("TV", "MASK", "NOTEBOOK", "TABLE", "CLOCK"))
                .jsonPath("$.items[*].price").<List<Integer>>value(prices -> assertThat(prices).containsExactly(10_000, 20_000, 30_000, 40_000, 50_000))
                .jsonPath("$.items[4].imageUrl").exists();
    }
}
