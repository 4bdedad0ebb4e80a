-- the retention rounds find expired rows by age (docs/retention.md)
create index processed_events_by_age_idx on processed_events (processed_at);
create index order_requests_by_age_idx on order_requests (created_at);
