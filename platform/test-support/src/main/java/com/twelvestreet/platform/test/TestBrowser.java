package com.twelvestreet.platform.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as an OAuth2 login needs one: real HTTP, a cookie jar, redirects followed one
 * at a time so a test can look at each hop, and the CSRF token read from a page's form.
 */
public final class TestBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
    }

    public Page get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public Page postForm(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Any request, with the given headers and (for POST, PUT...) a body. */
    public Page send(String method, String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** The value of a cookie the browser holds for the URL's host, if any. */
    public String cookie(String url, String name) {
        return cookies.getCookieStore().get(URI.create(url)).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    /** Follows redirects until a page that is not a redirect, or a redirect leaving for {@code stopAt}. */
    public Page follow(Page page, String stopAt) {
        Page current = page;
        for (int hops = 0; current.isRedirect() && hops < 10; hops++) {
            if (stopAt != null && current.location().startsWith(stopAt)) {
                return current;
            }
            current = get(current.location());
        }
        return current;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location")
                    .map(l -> built.uri().resolve(l).toString()).orElse(null);
            return new Page(built.uri(), response.statusCode(), location, response.body(), response);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Query parameters of a URL, decoded. */
    public static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    public record Page(URI uri, int status, String location, String body, HttpResponse<String> response) {

        public boolean isRedirect() {
            return status >= 300 && status < 400 && location != null;
        }

        public String csrfToken() {
            Matcher matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("No CSRF token in the page at " + uri);
            }
            return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        }
    }
}
