-- A delivered order's reservation is settled (no cancel can give its stock back) and, like a rejected or released
-- one, removed by the retention rounds once its events cannot come back (docs/retention.md).
alter table stock_reservations drop constraint stock_reservations_status_check;
alter table stock_reservations add constraint stock_reservations_status_check
    check (status in ('RESERVED', 'REJECTED', 'RELEASED', 'DELIVERED'));
create index stock_reservations_by_age_idx on stock_reservations (updated_at);
