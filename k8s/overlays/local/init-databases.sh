#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is new: one database per service, each owned by its own
# login role, so a service can neither read nor change another service's data.
set -euo pipefail

for service in products oauth orders delivery mypage; do
  password_var="${service^^}_DB_PASSWORD"
  password="${!password_var:?$password_var is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=role="$service" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
  echo "database $service ready"
done
