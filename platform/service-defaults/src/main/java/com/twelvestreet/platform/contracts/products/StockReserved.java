package com.twelvestreet.platform.contracts.products;

import java.util.UUID;

/** Every line of the order is reserved: the stock has been taken. */
public record StockReserved(UUID orderId) {
}
