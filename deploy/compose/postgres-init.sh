#!/usr/bin/env bash
# Runs once, on the first start of an empty PostgreSQL volume: one database and one owner per service.
set -euo pipefail

create() {
  local name="$1" password="$2"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create attendees "$ATTENDEES_DB_PASSWORD"
create content "$CONTENT_DB_PASSWORD"
create feed "$FEED_DB_PASSWORD"
