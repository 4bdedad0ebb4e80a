package com.twelvestreet.systemtests;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.platform.test.TestBrowser;
import com.twelvestreet.platform.test.TestBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** Test products created through the gateway with an admin's token; a random suffix keeps names unique per run. */
final class Catalogue {

    record Product(long id, String name) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Catalogue() {
    }

    static Product create(String adminToken, String name, long price, int stock, String madeBy) {
        String uniqueName = name + " " + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Page created = new TestBrowser().send("POST", Logins.SHOP + "/api/products",
                Map.of("Authorization", "Bearer " + adminToken, "Content-Type", "application/json"), """
                {"name": "%s", "description": "made by %s", "price": %d, "stock": %d}"""
                        .formatted(uniqueName, madeBy, price, stock));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Product(JSON.readTree(created.body()).get("id").asLong(), uniqueName);
    }
}
