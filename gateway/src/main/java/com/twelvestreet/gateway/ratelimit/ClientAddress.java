package com.twelvestreet.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from, for anonymous budgets. Behind an ingress or load balancer the peer
 * is the proxy, so {@code X-Forwarded-For} is read from the right, skipping the addresses of trusted
 * proxies (the gateway's {@code trusted-proxies} pattern); entries a client wrote itself, to the left of
 * the first untrusted one, cannot choose its bucket.
 */
final class ClientAddress {

    private final Pattern trustedProxies;

    ClientAddress(String trustedProxies) {
        this.trustedProxies = Pattern.compile(trustedProxies);
    }

    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (!trustedProxies.matcher(peer).matches()) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).trim();
            if (!hop.isEmpty() && !trustedProxies.matcher(hop).matches()) {
                return hop;
            }
        }
        return peer;
    }
}
