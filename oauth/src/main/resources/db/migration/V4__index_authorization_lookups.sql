-- Spring Authorization Server finds an authorization by the value of a code or token it issued (the device flow's
-- polls and its user code, an authorization code, a refresh token, the consent's state; without a token type, by
-- all of them at once). Each value is looked up by equality only and can be long (a JWT), so hash indexes, and only
-- over the rows that hold such a value. Without them every lookup read the whole table (docs/retention.md).
create index oauth2_authorization_state_idx on oauth2_authorization using hash (state) where state is not null;
create index oauth2_authorization_code_idx on oauth2_authorization using hash (authorization_code_value)
    where authorization_code_value is not null;
create index oauth2_authorization_access_token_idx on oauth2_authorization using hash (access_token_value)
    where access_token_value is not null;
create index oauth2_authorization_id_token_idx on oauth2_authorization using hash (oidc_id_token_value)
    where oidc_id_token_value is not null;
create index oauth2_authorization_refresh_token_idx on oauth2_authorization using hash (refresh_token_value)
    where refresh_token_value is not null;
create index oauth2_authorization_user_code_idx on oauth2_authorization using hash (user_code_value)
    where user_code_value is not null;
create index oauth2_authorization_device_code_idx on oauth2_authorization using hash (device_code_value)
    where device_code_value is not null;
