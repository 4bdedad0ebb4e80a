package com.twelvestreet.gateway.faults;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An error the fault switch asked for: answered as a problem like any other, without a stack trace in the log. */
public final class InjectedFault extends ResponseStatusException {

    InjectedFault(HttpStatus status) {
        super(status, "An error injected by the fault switch (/actuator/faults).");
    }
}
