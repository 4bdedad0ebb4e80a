-- the trace of the order's confirmation (W3C traceparent, 55 characters), so the courier's pick-up and hand-over,
-- minutes later on the courier's own thread, show in the order's trace (README "One trace per order")
alter table deliveries add column trace_parent varchar(55);
