package com.twelvestreet.products.product.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.products.product.ProductCatalog;

/** The public catalogue: anyone may browse. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    static final String SORT_PATTERN = "(id|name|price|stock|createdAt)(,(asc|desc))?";

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param q    part of the name, case-insensitive
     * @param sort {@code property[,asc|desc]} with property one of id, name, price, stock, createdAt
     */
    @GetMapping
    ProductPageView browse(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "id,asc") @Pattern(regexp = SORT_PATTERN,
                    message = "must be property[,asc|desc] with property one of id, name, price, stock, createdAt") String sort) {
        return new ProductPageView(catalog.browse(q, PageRequest.of(page, size, toSort(sort))));
    }

    @GetMapping("/{id}")
    ProductView get(@PathVariable long id) {
        return new ProductView(catalog.get(id));
    }

    private static Sort toSort(String sort) {
        String[] parts = sort.split(",");
        Sort.Direction direction = parts.length > 1 ? Sort.Direction.fromString(parts[1]) : Sort.Direction.ASC;
        Sort requested = Sort.by(direction, parts[0]);
        // a unique tie-breaker keeps pages stable when many products share a price or a name
        return parts[0].equals("id") ? requested : requested.and(Sort.by("id"));
    }
}
