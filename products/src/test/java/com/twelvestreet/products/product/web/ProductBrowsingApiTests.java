package com.twelvestreet.products.product.web;

import java.util.List;

import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.products.ProductsApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductDetails;
import com.twelvestreet.products.product.ProductRepository;


@ProductsApiTest
class ProductBrowsingApiTests {

    @Autowired
    RestTestClient http;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductRepository products;

    long notebookId;

    @BeforeEach
    void catalogueOf25Products() {
        products.deleteAll();
        IntStream.rangeClosed(1, 24).forEach(i -> catalog.create(new ProductDetails("Item " + i, "", i * 1_000L, i)));
        notebookId = catalog.create(new ProductDetails("Light NoteBook", "14 inch", 55_000, 3)).getId();
    }

    @Test
    void shouldPageTheCatalogue() {
        http.get().uri("/api/products?page=1&size=10").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(10)
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(10)
                .jsonPath("$.totalItems").isEqualTo(25)
                .jsonPath("$.totalPages").isEqualTo(3)
                .jsonPath("$.items[0].name").isEqualTo("Item 11");
    }

    @Test
    void shouldSortByPriceDescending() {
        http.get().uri("/api/products?sort=price,desc&size=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].name").isEqualTo("Light NoteBook")
                .jsonPath("$.items[1].price").isEqualTo(24_000);
    }

    @Test
    void shouldSearchByPartOfTheNameIgnoringCase() {
        http.get().uri("/api/products?q=notebook").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalItems").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(notebookId)
                .jsonPath("$.items[0].description").isEqualTo("14 inch");
    }

    @Test
    void shouldShowOneProduct() {
        http.get().uri("/api/products/{id}", notebookId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Light NoteBook")
                .jsonPath("$.price").isEqualTo(55_000)
                .jsonPath("$.stock").isEqualTo(3)
                .jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void shouldAnswerInvalidPagingWithAProblemNamingTheParameters() {
        http.get().uri("/api/products?page=-1&size=500&sort=secret,up").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[*].field").<List<String>>value(fields -> assertThat(fields).contains("page"))
                .jsonPath("$.errors[*].field").<List<String>>value(fields -> assertThat(fields).contains("size"))
                .jsonPath("$.errors[*].field").<List<String>>value(fields -> assertThat(fields).contains("sort"))
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void shouldAnswerAWrongParameterTypeWithABadRequestProblem() {
        http.get().uri("/api/products?size=many").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/products/not-a-number").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerAnUnknownIdWithANotFoundProblem() {
        http.get().uri("/api/products/{id}", notebookId + 1000).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("Product " + (notebookId + 1000) + " does not exist")
                .jsonPath("$.instance").isEqualTo("/api/products/" + (notebookId + 1000));
    }

    @Test
    void shouldDescribeTheApiWithOpenApi() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("12 Street products API")
                .jsonPath("$.paths['/api/products']").exists()
                .jsonPath("$.paths['/api/products/{id}']").exists();
    }

    @Test
    void shouldExposeProbesAndMetricsTaggedWithTheService() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("application=\"products\""));
    }
}
