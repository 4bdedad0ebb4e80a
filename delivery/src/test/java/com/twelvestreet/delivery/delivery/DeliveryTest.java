package com.twelvestreet.delivery.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.twelvestreet.platform.contracts.deliveries.DeliveryCompleted;
import com.twelvestreet.platform.contracts.deliveries.DeliveryStarted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    static final Destination HOME = new Destination("Kim", "04524", "12 Sejong-daero");

    @Test
    void shouldWaitForPickUpThenTravelThenArrive() {
        Delivery delivery = Delivery.schedule(UUID.randomUUID(), "customer-1", HOME, Duration.ofSeconds(30), T0, null);
        assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.READY);
        assertThat(delivery.getNextStepAt()).isEqualTo(T0.plusSeconds(30));

        assertThat(delivery.advance(Duration.ofSeconds(20), T0.plusSeconds(30))).isInstanceOf(DeliveryStarted.class);
        assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SHIPPING);
        assertThat(delivery.getNextStepAt()).isEqualTo(T0.plusSeconds(50));

        assertThat(delivery.advance(Duration.ofSeconds(20), T0.plusSeconds(50))).isInstanceOf(DeliveryCompleted.class);
        assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.getNextStepAt()).isNull();
        assertThat(delivery.getCompletedAt()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void shouldCancelOnlyWhatIsNotHandedOverAndOnlyOnce() {
        Delivery waiting = Delivery.schedule(UUID.randomUUID(), "customer-1", HOME, Duration.ofSeconds(30), T0, null);
        assertThat(waiting.cancel(T0)).isPresent();
        assertThat(waiting.cancel(T0)).isEmpty();
        assertThat(waiting.getNextStepAt()).as("the courier forgets it").isNull();

        Delivery delivered = Delivery.schedule(UUID.randomUUID(), "customer-1", HOME, Duration.ZERO, T0, null);
        delivered.advance(Duration.ZERO, T0);
        delivered.advance(Duration.ZERO, T0);
        assertThat(delivered.cancel(T0)).isEmpty();
        assertThat(delivered.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void shouldRefuseToMoveAFinishedDelivery() {
        Delivery failed = Delivery.schedule(UUID.randomUUID(), "customer-1", HOME, Duration.ZERO, T0, null);
        failed.fail("parcel lost", T0);
        assertThatThrownBy(() -> failed.advance(Duration.ZERO, T0)).isInstanceOf(IllegalDeliveryTransitionException.class);
        assertThatThrownBy(() -> failed.fail("again", T0)).isInstanceOf(IllegalDeliveryTransitionException.class);
        assertThat(failed.getFailureReason()).isEqualTo("parcel lost");
    }
}
