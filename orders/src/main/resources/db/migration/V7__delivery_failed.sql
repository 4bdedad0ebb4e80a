-- A failed delivery ends the order (DELIVERY_FAILED) and its timeline step says why.
alter table orders drop constraint orders_status_check;
alter table orders alter column status type varchar(16);
alter table orders add constraint orders_status_check
    check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'DELIVERY_FAILED'));
alter table order_status_changes alter column status type varchar(16);
alter table order_status_changes add column reason varchar(200);
