package com.twelvestreet.products.product.web;

import java.time.Duration;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.products.config.ProductsProperties;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductImage;

/** Product pictures: served to everyone, replaced by admins. */
@RestController
@RequestMapping("/api/products/{id}/image")
class ProductImageController {

    private static final Set<String> ACCEPTED_TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/svg+xml");

    private final ProductCatalog catalog;
    private final ProductsProperties properties;

    ProductImageController(ProductCatalog catalog, ProductsProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @GetMapping
    ResponseEntity<byte[]> image(@PathVariable long id) {
        ProductImage image = catalog.image(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.getContentType()))
                // the URL carries a version parameter, so a changed image gets a new URL
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                // an uploaded SVG may hold scripts: never let one run
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(image.getData());
    }

    @PutMapping(consumes = { "image/png", "image/jpeg", "image/webp", "image/svg+xml" })
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void replace(@PathVariable long id, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestBody byte[] data) {
        String type = contentType.getType() + "/" + contentType.getSubtype();
        if (!ACCEPTED_TYPES.contains(type) || data.length == 0) {
            throw problem(HttpStatus.BAD_REQUEST, "Send a non-empty PNG, JPEG, WebP or SVG image.");
        }
        if (data.length > properties.maxImageSize().toBytes()) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE,
                    "An image may have at most " + properties.maxImageSize().toKilobytes() + " KB.");
        }
        catalog.replaceImage(id, type, data);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return new ErrorResponseException(status, problem, null);
    }
}
