-- Where the parcel goes, from OrderConfirmed's shippingAddress (null for deliveries created before it).
alter table deliveries add column recipient varchar(60);
alter table deliveries add column postal_code varchar(10);
alter table deliveries add column address_line varchar(200);
