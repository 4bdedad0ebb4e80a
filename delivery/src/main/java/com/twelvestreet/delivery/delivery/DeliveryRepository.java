package com.twelvestreet.delivery.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface DeliveryRepository extends JpaRepository<Delivery, UUID> {

    Optional<Delivery> findByOrderId(UUID orderId);

    List<Delivery> findByCustomerIdOrderByCreatedAtDesc(String customerId, Pageable page);

    List<Delivery> findByNextStepAtNotNullOrderByNextStepAt(Pageable page);

    /** Deliveries the courier should act on, locked; rows another courier holds are skipped, not waited for. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select d from Delivery d where d.nextStepAt <= :now order by d.nextStepAt")
    List<Delivery> findDue(Instant now, Pageable page);
}
