-- How many orders each shopper has, kept by the projection as it adds an order: counting them for every page
-- grew with the shopper's history (11 ms a page at 5,000 orders, a heap visit per row that updates left behind).
create table my_order_counts (
    customer_id varchar(64) primary key,
    orders      bigint      not null
);
insert into my_order_counts (customer_id, orders) select customer_id, count(*) from my_orders group by customer_id;
