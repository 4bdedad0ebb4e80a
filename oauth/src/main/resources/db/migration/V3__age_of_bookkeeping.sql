-- The retention rounds find expired bookkeeping by age (docs/retention.md). An authorization's own timestamps may
-- all be empty (a login waiting for consent), so it gets the time it was made; Spring Authorization Server names
-- its columns and leaves this one to its default.
alter table oauth2_authorization add column created_at timestamptz not null default now();
create index oauth2_authorization_by_age_idx on oauth2_authorization (created_at);

-- the last wrong password for the email: a throttle row idle for a day (and not locking) is removed
alter table login_throttle add column last_failure_at timestamptz not null default now();
create index login_throttle_by_age_idx on login_throttle (last_failure_at);
