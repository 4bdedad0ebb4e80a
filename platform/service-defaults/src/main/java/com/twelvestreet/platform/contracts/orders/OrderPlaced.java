package com.twelvestreet.platform.contracts.orders;

import java.util.List;
import java.util.UUID;

/** A customer placed an order; products answers with StockReserved or ProductOutOfStock. */
public record OrderPlaced(UUID orderId, String customerId, List<OrderLine> lines, long totalAmount) {
}
