package com.twelvestreet.gateway.ratelimit;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests that cost the shop a password hash, a session or an authorization before anyone has
 * proved who they are: starting a browser login and its callback, and every form or token request to the
 * authorization server under {@code /auth} (log in, sign up, device authorization and activation, token
 * exchange), plus sign-up through the accounts API.
 */
final class LoginPaths {

    private static final List<PathPattern> GET = patterns("/oauth2/authorization/**", "/login/oauth2/code/**");
    private static final List<PathPattern> POST = patterns("/auth/**", "/api/accounts");

    boolean matches(ServerHttpRequest request) {
        List<PathPattern> patterns = HttpMethod.GET.equals(request.getMethod()) ? GET
                : HttpMethod.POST.equals(request.getMethod()) ? POST : List.of();
        return patterns.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
    }

    private static List<PathPattern> patterns(String... paths) {
        return List.of(paths).stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
