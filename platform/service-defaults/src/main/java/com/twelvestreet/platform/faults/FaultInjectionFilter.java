package com.twelvestreet.platform.faults;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.twelvestreet.platform.problem.ServletProblems;

/**
 * Applies the fault switch to every request but the actuator's (probes, metrics and the switch itself stay
 * reachable): the latency first, then an error answer for the configured share of requests.
 */
class FaultInjectionFilter extends OncePerRequestFilter {

    private final FaultSwitch faults;

    FaultInjectionFilter(FaultSwitch faults) {
        this.faults = faults;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Fault fault = faults.current();
        if (fault.latencyMillis() > 0) {
            faults.delaying();
            try {
                Thread.sleep(fault.latencyMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        if (faults.fails(fault)) {
            ServletProblems.write(request, response, HttpStatus.valueOf(fault.errorStatus()),
                    "An error injected by the fault switch (/actuator/faults).");
            return;
        }
        chain.doFilter(request, response);
    }
}
