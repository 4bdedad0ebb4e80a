package com.twelvestreet.products.product.web;

import java.util.List;

import org.springframework.data.domain.Page;

import com.twelvestreet.products.product.Product;

/** One page of products, with what a pager needs. */
record ProductPageView(List<ProductView> items, int page, int size, long totalItems, int totalPages) {

    ProductPageView(Page<Product> page) {
        this(page.map(ProductView::new).getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
