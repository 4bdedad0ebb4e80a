package com.twelvestreet.orders.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<Order, UUID> {

    Page<Order> findByCustomerId(String customerId, Pageable pageable);

    List<Order> findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(OrderStatus status, Instant before, Pageable pageable);

    long countByStatusAndUpdatedAtBefore(OrderStatus status, Instant before);

    long countByStatus(OrderStatus status);

    long countByStatusAndUpdatedAtAfter(OrderStatus status, Instant after);
}
