-- An order whose delivery failed ends DELIVERY_FAILED; its timeline step says why (OrderDeliveryFailed's reason).
alter table my_orders alter column status type varchar(16);
alter table my_order_timeline alter column status type varchar(16);
alter table my_order_timeline add column reason varchar(200);
