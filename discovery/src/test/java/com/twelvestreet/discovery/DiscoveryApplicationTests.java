package com.twelvestreet.discovery;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

// as ./shop runs it: the fault switch asked for everywhere
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "twelvestreet.faults.enabled=true")
@AutoConfigureRestTestClient
class DiscoveryApplicationTests {

    @Autowired
    RestTestClient http;

    @Test
    void shouldRegisterAnInstanceAndListIt() {
        String instance = """
                {"instance": {"instanceId": "products-1", "hostName": "127.0.0.1", "app": "PRODUCTS",
                  "ipAddr": "127.0.0.1", "status": "UP", "port": {"$": 8081, "@enabled": "true"},
                  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}
                """;
        http.post().uri("/eureka/apps/PRODUCTS").contentType(MediaType.APPLICATION_JSON).body(instance)
                .exchange().expectStatus().isNoContent();

        http.get().uri("/eureka/apps/PRODUCTS").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.application.instance[0].instanceId").isEqualTo("products-1");
    }

    @Test
    void shouldExposeProbesAndTaggedMetrics() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(metrics).contains("application=\"discovery\"");
    }

    @Test
    void shouldHaveNoFaultSwitchAsItChecksNoTokensToKeepStrangersFromIt() {
        http.post().uri("/actuator/faults").contentType(MediaType.APPLICATION_JSON).body("{\"errorRate\": 1}")
                .exchange().expectStatus().isNotFound();
        http.get().uri("/eureka/apps").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk();
    }
}
