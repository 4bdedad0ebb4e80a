package com.twelvestreet.platform.faults;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/faults}: read the fault switch, set it (a JSON body with any of {@code latencyMillis},
 * {@code errorRate}, {@code errorStatus}, {@code ready}; what is left out is off), or clear it with DELETE.
 * Only ADMIN tokens reach it ({@code ResourceServerDefaults}); it exists only where
 * {@code twelvestreet.faults.enabled} is true.
 */
@Endpoint(id = "faults")
public class FaultsEndpoint {

    private final FaultSwitch faults;

    FaultsEndpoint(FaultSwitch faults) {
        this.faults = faults;
    }

    @ReadOperation
    public Fault current() {
        return faults.current();
    }

    @WriteOperation
    public Fault set(@Nullable Long latencyMillis, @Nullable Double errorRate, @Nullable Integer errorStatus,
            @Nullable Boolean ready, SecurityContext caller) {
        Fault fault = new Fault(latencyMillis == null ? 0 : latencyMillis, errorRate == null ? 0 : errorRate,
                errorStatus == null ? Fault.NONE.errorStatus() : errorStatus, ready == null || ready);
        if (!fault.problems().isEmpty()) {
            String reason = String.join("; ", fault.problems());
            throw new InvalidEndpointRequestException(reason, reason);
        }
        return faults.set(fault, name(caller));
    }

    @DeleteOperation
    public Fault clear(SecurityContext caller) {
        return faults.set(Fault.NONE, name(caller));
    }

    private static String name(SecurityContext caller) {
        return caller.getPrincipal() == null ? "an unknown caller" : caller.getPrincipal().getName();
    }
}
