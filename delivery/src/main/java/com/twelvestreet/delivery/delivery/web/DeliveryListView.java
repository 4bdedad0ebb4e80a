package com.twelvestreet.delivery.delivery.web;

import java.util.List;

/** A list of deliveries, as {@code items}. */
record DeliveryListView(List<DeliveryView> items) {
}
