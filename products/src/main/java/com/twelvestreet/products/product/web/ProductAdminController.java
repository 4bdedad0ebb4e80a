package com.twelvestreet.products.product.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.products.product.Product;
import com.twelvestreet.products.product.ProductCatalog;

/** Catalogue editing; the security configuration lets only ADMIN tokens reach these methods. */
@RestController
@RequestMapping("/api/products")
class ProductAdminController {

    private final ProductCatalog catalog;

    ProductAdminController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequest request) {
        Product product = catalog.create(request.details());
        return ResponseEntity.created(URI.create("/api/products/" + product.getId())).body(new ProductView(product));
    }

    @PutMapping("/{id}")
    ProductView update(@PathVariable long id,
            @Validated({ Default.class, ProductRequest.Edit.class }) @RequestBody ProductRequest request) {
        return new ProductView(catalog.update(id, request.version(), request.details()));
    }

    @PostMapping("/{id}/stock-adjustments")
    ProductView adjustStock(@PathVariable long id, @Valid @RequestBody StockAdjustmentRequest request) {
        return new ProductView(catalog.adjustStock(id, request.delta()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        catalog.delete(id);
    }
}
