package com.twelvestreet.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the stack with {@code ./shop up} once for all system-test classes and stops it with
 * {@code ./shop down} when the test run ends.
 */
final class ShopStack implements BeforeAllCallback {

    static final Shop shop = new Shop();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(ShopStack.class, key -> {
            shop.wipeData();
            shop.run("up");
            return (AutoCloseable) () -> shop.run("down");
        }, AutoCloseable.class);
    }
}
