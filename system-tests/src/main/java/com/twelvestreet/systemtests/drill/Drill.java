package com.twelvestreet.systemtests.drill;

import com.twelvestreet.systemtests.bench.Options;
import com.twelvestreet.systemtests.bench.ShopClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./shop drill NAME}: orders placed at a steady rate against a product of limited stock while a fault is
 * injected and healed on the running stack, then the shop's invariants checked until they hold or a bound passes
 * (docs/drills.md). Prints the load, the fault and the verdict as it goes; exits 1 when an invariant fails.
 */
public final class Drill {

    static final long UNIT_PRICE = 1_000;

    private Drill() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("Which drill? One of: " + String.join(", ", DrillFault.names()));
            System.exit(2);
        }
        DrillFault fault;
        try {
            fault = DrillFault.named(args[0]);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.exit(2);
            return;
        }
        int orders = Options.integer(args, "--orders", 100);
        int stock = Options.integer(args, "--stock", 60);
        int rate = Options.integer(args, "--rate", 4);
        int faultAt = Options.integer(args, "--fault-at", 3);
        int faultFor = Options.integer(args, "--fault-for", 20);
        int settle = Options.integer(args, "--settle", 240);
        int cancelEvery = Options.integer(args, "--cancel-every", 5);
        DrillFault.Shop shop = new DrillFault.Shop(Path.of(System.getProperty("shop.root", ".")).toAbsolutePath(),
                Path.of(System.getProperty("shop.home", ".shop")).toAbsolutePath());

        System.out.printf("drill %s: %s%n", fault.name(), fault.description());
        String shopper = ShopClient.deviceToken("shopper@12street.dev", "shopper-pass-12");
        String admin = ShopClient.deviceToken("admin@12street.dev", "admin-pass-12");
        long product = ShopClient.createProduct(admin, "drill " + fault.name(), stock, UNIT_PRICE);
        DrillInvariants invariants = new DrillInvariants("jdbc:postgresql://127.0.0.1:15432/", "127.0.0.1:9092",
                product, stock, UNIT_PRICE);
        long deadLetters = invariants.deadLetters();
        Thread.sleep(2_000); // orders' replica hears of the product
        System.out.printf("  load: %d one-unit orders of product %d (stock %d), %d per second, each with its own"
                + " idempotency key, retried on 429/502/503/504; %s%n", orders, product, stock, rate,
                cancelEvery > 0 ? "every " + cancelEvery + "th cancelled once confirmed or rejected" : "none cancelled");

        long started = System.nanoTime();
        CompletableFuture<Duration> faulted = CompletableFuture.supplyAsync(() -> inject(fault, shop, admin, faultAt, faultFor, started));
        DrillLoad.Result load = new DrillLoad(shopper, ShopClient.oneUnitOrder(product), Duration.ofSeconds(faultFor + 90L))
                .run(orders, rate, cancelEvery);
        System.out.printf("  load done in %.1f s: %d accepted, %d refused, %d cancelled; answers %s, the slowest in %d ms%n",
                seconds(started), load.accepted().size(), load.refused().size(), load.cancelled().size(), load.answers(),
                load.slowestMillis());
        Duration down = faulted.join();

        long settling = System.nanoTime();
        DrillInvariants.Verdict verdict = invariants.check(load, deadLetters);
        while (!verdict.failures().isEmpty() && seconds(settling) < settle) {
            Thread.sleep(2_000);
            verdict = invariants.check(load, deadLetters);
        }
        boolean passed = verdict.failures().isEmpty() && load.violations().isEmpty();
        System.out.printf("%s %s: %d orders (%d confirmed, %d cancelled, %d rejected, %d pending); stock %d + %d = %d of %d;"
                        + " mileage %,d (%d earned, %d reversed); outbox %d; dead letters +%d; answers %s (slowest %d ms);"
                        + " fault %.1f s; settled in %.0f s%n",
                passed ? "PASS" : "FAIL", fault.name(), verdict.orders(), verdict.confirmed(), verdict.cancelled(),
                verdict.rejected(), verdict.pending(), verdict.stockLeft(), verdict.confirmed(),
                verdict.stockLeft() + verdict.confirmed(), stock, verdict.mileage(), verdict.earned(), verdict.reversed(),
                verdict.outbox(), verdict.deadLetters(), load.answers(), load.slowestMillis(), down.toMillis() / 1000.0,
                seconds(settling));
        verdict.failures().forEach(failure -> System.out.println("  ✘ " + failure));
        load.violations().stream().limit(10).forEach(violation -> System.out.println("  ✘ " + violation));
        if (load.violations().size() > 10) {
            System.out.println("  ✘ ... and " + (load.violations().size() - 10) + " more answers like these");
        }
        System.exit(passed ? 0 : 1);
    }

    /** Injects the fault at {@code at} s into the load, heals it {@code lasting} s later; how long it was in force. */
    private static Duration inject(DrillFault fault, DrillFault.Shop shop, String admin, int at, int lasting, long started) {
        try {
            Thread.sleep(Math.max(0, at * 1000L - (System.nanoTime() - started) / 1_000_000));
            System.out.printf("  +%.1f s fault: %s%n", seconds(started), fault.description());
            long injected = System.nanoTime();
            fault.inject().run(shop, admin);
            Thread.sleep(Math.max(0, lasting * 1000L - (System.nanoTime() - injected) / 1_000_000));
            System.out.printf("  +%.1f s healing%n", seconds(started));
            fault.heal().run(shop, admin);
            System.out.printf("  +%.1f s healed%n", seconds(started));
            return Duration.ofNanos(System.nanoTime() - injected);
        }
        catch (Exception ex) {
            throw new IllegalStateException("The fault could not be injected or healed: " + ex.getMessage(), ex);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
