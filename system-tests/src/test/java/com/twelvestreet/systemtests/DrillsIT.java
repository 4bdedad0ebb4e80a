package com.twelvestreet.systemtests;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault drills as a developer runs them ({@code ./shop drill NAME}, docs/drills.md), shortened: 40 orders at 4
 * per second against 25 in stock, the fault from +2 s for 8 s. {@code ./shop drill} exits non-zero, and so fails
 * this test, when an answer was a 500 or none, or an invariant does not hold within the settling bound.
 */
@ExtendWith(ShopStack.class)
class DrillsIT {

    @ParameterizedTest(name = "./shop drill {0}")
    @ValueSource(strings = { "kafka-outage", "postgres-restart", "slow-products", "redis-outage", "crash-products",
            "crash-orders", "crash-delivery", "crash-mypage" })
    void shouldKeepEveryInvariantThrough(String drill) {
        ShopStack.shop.run("drill", drill, "--orders", "40", "--stock", "25", "--rate", "4", "--fault-at", "2",
                "--fault-for", "8", "--settle", "120");
    }
}
