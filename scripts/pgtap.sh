#!/usr/bin/env bash
# pgTAP suite (npm run test:db): the row-level security proof, run with pg_prove against a fresh
# database on the PostgreSQL server named by DATABASE_URL.
#
#   1. creates tk_pgtap_<random> on that server (dropped again on exit, also on failure),
#   2. applies the shim and every migration with the app's own runner (scripts/migrate.ts),
#   3. installs pgTAP into schema `extensions` (as Supabase does; needs a superuser),
#   4. runs pg_prove over supabase/tests/*.sql; exits non-zero when a test fails.
#
# Skips (exit 0) with a message when DATABASE_URL or pg_prove is missing, except with CI=true,
# where a skip is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "pgTAP: SKIPPED - $1" >&2
  if [[ "${CI:-}" == "true" ]]; then
    echo "pgTAP: CI=true, so a skip is a failure." >&2
    exit 1
  fi
  exit 0
}

[[ -n "${DATABASE_URL:-}" ]] || skip "DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)."
command -v pg_prove >/dev/null || skip "pg_prove is missing (apt-get install -y libtap-parser-sourcehandler-pgtap-perl postgresql-15-pgtap)."
command -v psql >/dev/null || skip "psql is missing (apt-get install -y postgresql-client)."

db="tk_pgtap_$(date +%s)_${RANDOM}"
test_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$db")"

psql_admin() { psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
  psql_admin -c "drop database if exists ${db} with (force)" >/dev/null 2>&1 ||
    echo "pgTAP: could not drop ${db}; drop it by hand." >&2
}
trap cleanup EXIT

psql_admin -c "create database ${db}" >/dev/null
DATABASE_URL="$test_url" node_modules/.bin/tsx scripts/migrate.ts

if ! psql "$test_url" -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL'; then
set client_min_messages = warning;
create schema if not exists extensions;
create extension if not exists pgtap with schema extensions;
SQL
  echo "pgTAP: the extension pgtap is not available on this server" \
    "(apt-get install -y postgresql-15-pgtap; create extension needs a superuser)." >&2
  exit 1
fi

shopt -s nullglob
files=(supabase/tests/*.sql)
(( ${#files[@]} > 0 )) || { echo "pgTAP: no test files in supabase/tests/" >&2; exit 1; }

# Files are independent (each runs in its own transaction and rolls back), so run them in parallel.
pg_prove --dbname "$test_url" --jobs "${PGTAP_JOBS:-4}" --failures --comments "${files[@]}"
