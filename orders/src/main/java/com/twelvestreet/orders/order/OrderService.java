package com.twelvestreet.orders.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.twelvestreet.orders.catalog.ProductLookup;
import com.twelvestreet.orders.catalog.ProductSnapshot;
import com.twelvestreet.platform.events.EventPublisher;
import com.twelvestreet.platform.security.Caller;

/**
 * The orders side of the saga. Every change is saved with its event in one transaction (the
 * outbox), so an event is published if and only if the change committed. Replies that arrive
 * after the order moved on (stock reserved for an order cancelled meanwhile...) change nothing.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final OrderRequests requests;
    private final ProductLookup products;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final OrdersByState states;
    private final Map<String, Timer> sagaDurations = new HashMap<>();

    OrderService(OrderRepository orders, OrderRequests requests, ProductLookup products,
            EventPublisher events, TransactionTemplate transaction, Clock clock, MeterRegistry meters,
            OrdersByState states) {
        this.orders = orders;
        this.requests = requests;
        this.products = products;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
        this.states = states;
        // from placement to the stock's answer; a histogram, so the dashboard charts percentiles across replicas,
        // and registered now, so the series exist before the first order
        for (String outcome : new String[] { "confirmed", "rejected" }) {
            sagaDurations.put(outcome, Timer.builder("orders.saga.duration").tag("outcome", outcome)
                    .description("From placement to the stock's answer").publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofMinutes(2))
                    .register(meters));
        }
    }

    /** An order placed now, or ({@code replayed}) the one an earlier request with the same idempotency key placed. */
    public record Placement(Order order, boolean replayed) {
    }

    /**
     * Prices each product from the catalogue (before any transaction: a remote call never holds
     * a database connection) and stores the order PENDING with OrderPlaced. A request whose
     * idempotency key the customer used before answers the order placed then.
     */
    public Placement place(OrderRequest request) {
        Optional<Placement> earlier = earlierPlacement(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<OrderItem> items = request.quantities().entrySet().stream().map(line -> {
            ProductSnapshot product = products.find(line.getKey());
            return new OrderItem(product.id(), product.name(), product.price(), line.getValue());
        }).toList();
        try {
            Order order = transaction.execute(status -> {
                Instant now = clock.instant();
                Order.Placed placed = Order.place(request.customerId(), items, request.address(), now);
                Order saved = orders.saveAndFlush(placed.order());
                if (request.idempotencyKey().isPresent()) {
                    requests.remember(request, saved.getId(), now);
                }
                publish(saved, placed.event());
                return saved;
            });
            meters.counter("orders.placed").increment();
            return new Placement(order, false);
        }
        catch (DuplicateKeyException sameKeyMeanwhile) {
            // a concurrent request with the same key committed first; this one rolled back
            return earlierPlacement(request).orElseThrow(() -> sameKeyMeanwhile);
        }
    }

    private Optional<Placement> earlierPlacement(OrderRequest request) {
        return request.idempotencyKey().flatMap(key -> requests.find(request.customerId(), key)).map(earlier -> {
            if (!earlier.fingerprint().equals(request.fingerprint())) {
                throw new IdempotencyKeyReusedException(request.idempotencyKey().orElseThrow());
            }
            return new Placement(orders.findById(earlier.orderId()).orElseThrow(), true);
        });
    }

    @Transactional(readOnly = true)
    public Order get(UUID orderId, Caller caller) {
        return orders.findById(orderId).filter(order -> caller.maySee(order.getCustomerId()))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    @Transactional(readOnly = true)
    public Page<Order> mine(Caller caller, Pageable page) {
        return orders.findByCustomerId(caller.accountId(), page);
    }

    /** The owner cancels before shipping; cancelling again answers the cancelled order and publishes nothing. */
    @Transactional
    public Order cancel(UUID orderId, Caller caller) {
        Order order = orders.findById(orderId).filter(found -> found.isOwnedBy(caller.accountId()))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
        order.cancel(clock.instant()).ifPresent(cancelled -> publish(order, cancelled));
        return order;
    }

    @Transactional
    public void stockReserved(UUID orderId) {
        whenStatus(orderId, EnumSet.of(OrderStatus.PENDING), "StockReserved", order -> {
            publish(order, order.confirm(clock.instant()));
            sagaFinished(order, "confirmed");
        });
    }

    @Transactional
    public void outOfStock(UUID orderId, List<Long> lacking) {
        whenStatus(orderId, EnumSet.of(OrderStatus.PENDING), "ProductOutOfStock", order -> {
            publish(order, order.reject(lacking, clock.instant()));
            sagaFinished(order, "rejected");
        });
    }

    @Transactional
    public void deliveryStarted(UUID orderId) {
        whenStatus(orderId, EnumSet.of(OrderStatus.CONFIRMED), "DeliveryStarted", order -> publish(order, order.ship(clock.instant())));
    }

    @Transactional
    public void deliveryCompleted(UUID orderId) {
        whenStatus(orderId, EnumSet.of(OrderStatus.SHIPPED), "DeliveryCompleted", order -> publish(order, order.deliver(clock.instant())));
    }

    /** The delivery failed before the parcel arrived (from CONFIRMED or SHIPPED); a second report changes nothing. */
    @Transactional
    public void deliveryFailed(UUID orderId, String reason) {
        whenStatus(orderId, EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED), "DeliveryFailed",
                order -> publish(order, order.deliveryFailed(reason, clock.instant())));
    }

    private void whenStatus(UUID orderId, Set<OrderStatus> expected, String reply, Consumer<Order> step) {
        Order order = orders.findById(orderId).orElse(null);
        if (order == null) {
            log.warn("{} for unknown order {} ignored", reply, orderId);
        }
        else if (!expected.contains(order.getStatus())) {
            log.info("{} for order {} ignored: the order is {}", reply, orderId, order.getStatus());
        }
        else {
            step.accept(order);
        }
    }

    private void sagaFinished(Order order, String outcome) {
        sagaDurations.get(outcome).record(Duration.between(order.getCreatedAt(), clock.instant()));
    }

    private void publish(Order order, Object event) {
        events.publish(order.getId().toString(), event);
        states.reached(order.getStatus());
    }
}
