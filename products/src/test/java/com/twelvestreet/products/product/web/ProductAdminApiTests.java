package com.twelvestreet.products.product.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.platform.test.TestJwtIssuer;
import com.twelvestreet.products.ProductsApiTest;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductDetails;
import com.twelvestreet.products.product.ProductRepository;

import static org.assertj.core.api.Assertions.assertThat;

@ProductsApiTest
class ProductAdminApiTests {

    private static final String NEW_PRODUCT = """
            {"name": "LAMP", "description": "A desk lamp", "price": 60000, "stock": 7}
            """;

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductRepository products;

    long tvId;

    @BeforeEach
    void oneProduct() {
        products.deleteAll();
        tvId = catalog.create(new ProductDetails("TV", "55 inch", 10_000, 5)).getId();
    }

    @Test
    void shouldAskForATokenWhenThereIsNone() {
        http.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON).body(NEW_PRODUCT).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        assertThat(products.count()).isEqualTo(1);
    }

    @Test
    void shouldForbidCustomersToEditTheCatalogue() {
        String customer = issuer.token("shopper-1", "CUSTOMER");
        http.post().uri("/api/products").headers(h -> h.setBearerAuth(customer))
                .contentType(MediaType.APPLICATION_JSON).body(NEW_PRODUCT).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        http.delete().uri("/api/products/{id}", tvId).headers(h -> h.setBearerAuth(customer)).exchange()
                .expectStatus().isForbidden();
        assertThat(products.count()).isEqualTo(1);
    }

    @Test
    void shouldLetAnAdminCreateAProduct() {
        http.post().uri("/api/products").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).body(NEW_PRODUCT).exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/products/"))
                .expectBody()
                .jsonPath("$.name").isEqualTo("LAMP")
                .jsonPath("$.price").isEqualTo(60_000)
                .jsonPath("$.stock").isEqualTo(7);
        http.get().uri("/api/products?q=lamp").exchange().expectBody().jsonPath("$.totalItems").isEqualTo(1);
    }

    @Test
    void shouldRefuseTokensThatAreExpiredForgedUnsignedOrFromAnotherIssuer() {
        for (String token : new String[] { issuer.expiredToken("admin", "ADMIN"),
                issuer.tokenWithWrongSignature("admin", "ADMIN"), issuer.unsignedToken("admin", "ADMIN"),
                issuer.tokenFromIssuer("http://evil.example", "admin", "ADMIN") }) {
            http.post().uri("/api/products").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).body(NEW_PRODUCT).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(products.count()).isEqualTo(1);
    }

    @Test
    void shouldNameEveryInvalidField() {
        http.post().uri("/api/products").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"name": " ", "price": 0, "stock": -1}
                        """).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").<List<String>>value(fields -> assertThat(fields).containsExactlyInAnyOrder("name", "price", "stock"));
    }

    @Test
    void shouldAnswerMalformedJsonWithABadRequestProblem() {
        http.post().uri("/api/products").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"LAMP\", \"price\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.trace").doesNotExist();
    }

    @Test
    void shouldRefuseAnEditMadeOnAStaleVersion() {
        String edit = """
                {"name": "TV 65", "description": "65 inch", "price": 12000, "stock": 5, "version": 0}
                """;
        http.put().uri("/api/products/{id}", tvId).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).body(edit).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);

        // a second admin who also read version 0 must not overwrite the first one's edit
        http.put().uri("/api/products/{id}", tvId).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).body(edit.replace("TV 65", "TV 43")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Conflict");

        assertThat(catalog.get(tvId).getName()).isEqualTo("TV 65");
    }

    @Test
    void shouldRequireTheVersionAnEditIsBasedOn() {
        http.put().uri("/api/products/{id}", tvId).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).body(NEW_PRODUCT).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
        assertThat(catalog.get(tvId).getName()).isEqualTo("TV");
    }

    @Test
    void shouldAdjustStockButNeverBelowZero() {
        http.post().uri("/api/products/{id}/stock-adjustments", tvId).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).body("{\"delta\": -2}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.stock").isEqualTo(3);

        http.post().uri("/api/products/{id}/stock-adjustments", tvId).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).body("{\"delta\": -4}").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(catalog.get(tvId).getStock()).isEqualTo(3);
    }

    @Test
    void shouldDeleteAProduct() {
        http.delete().uri("/api/products/{id}", tvId).headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isNoContent();
        http.get().uri("/api/products/{id}", tvId).exchange().expectStatus().isNotFound();
        http.delete().uri("/api/products/{id}", tvId).headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void shouldStoreAndServeAProductImage() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes();
        http.put().uri("/api/products/{id}/image", tvId).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.valueOf("image/svg+xml")).body(svg).exchange()
                .expectStatus().isNoContent();

        http.get().uri("/api/products/{id}/image", tvId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("image/svg+xml")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).isEqualTo(svg);
        http.get().uri("/api/products/{id}", tvId).exchange()
                .expectBody().jsonPath("$.imageUrl").<String>value(url -> assertThat(url).startsWith("/api/products/" + tvId + "/image?v="));
    }

    @Test
    void shouldRefuseImagesOfOtherTypesOrTooLarge() {
        http.put().uri("/api/products/{id}/image", tvId).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.TEXT_HTML).body("<script>alert(1)</script>").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/products/{id}/image", tvId).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.IMAGE_PNG).body(new byte[600 * 1024]).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/products/{id}/image", tvId).exchange().expectStatus().isNotFound();
    }

    private String admin() {
        return issuer.token("admin-1", "ADMIN");
    }
}
