package com.twelvestreet.orders;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.platform.test.TestJwtIssuer;

/** Without {@code twelvestreet.faults.enabled} (compose, Kubernetes) a service has no fault switch, even for an admin. */
@OrdersApiTest
class FaultSwitchOffTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Test
    void shouldHaveNoFaultSwitchUnlessEnabled() {
        String admin = issuer.token("operator", "ADMIN");
        http.get().uri("/actuator/faults").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
        http.post().uri("/actuator/faults").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"errorRate\": 1}").exchange().expectStatus().isNotFound();
        http.get().uri("/api/orders").headers(h -> h.setBearerAuth(issuer.token("shopper", "CUSTOMER"))).exchange()
                .expectStatus().isOk();
    }
}
