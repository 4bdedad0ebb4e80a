package com.twelvestreet.orders.order.web;

import java.util.List;

import org.springframework.data.domain.Page;

import com.twelvestreet.orders.order.Order;

/** One page of orders, newest first, with what a pager needs. */
record OrderPageView(List<OrderView> items, int page, int size, long totalItems, int totalPages) {

    OrderPageView(Page<Order> page) {
        this(page.map(OrderView::new).getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
