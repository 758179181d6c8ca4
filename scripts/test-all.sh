#!/usr/bin/env bash
# npm test: everything, stopping at the first failure.
#   0. app/.server/db/schema.ts is what the migrations give (npm run db:types -- --check, ~15 s)
#   1. typecheck (tsc)
#   2. vitest on PGlite (with DATABASE_URL: the engine's own files and the unit tests, see below)
#   3. vitest on the PostgreSQL server (TEST_DB=postgres)   — needs DATABASE_URL
#   4. pgTAP through pg_prove (scripts/pgtap.sh)            — needs DATABASE_URL and pg_prove
#   5. production build + Playwright                        — needs a Chromium
#   6. the production app as a process on the server        — needs DATABASE_URL (and the build)
# A step runs only when its prerequisite is there; the summary says what was skipped and why.
# With CI=true nothing may be skipped: a missing prerequisite fails the run.
#
# By default the steps run one after another, streaming. TK_TEST_LANES=1 runs them in two lanes
# at the same time (measured on the 2-core machine with the full suite: slower, not faster —
# vitest's workers, the app server and Chromium then fight for the same two cores):
#   lane "db":      schema types → typecheck → vitest on PGlite → vitest on PostgreSQL → pgTAP → server tests
#   lane "browser": production build → Playwright
# The server tests need the build: they wait for the browser lane's build. The db lane runs at a
# lower priority (nice 10; TK_TEST_DB_LANE_NICE), so the longer browser lane keeps its pace.
# Each step's output goes to a log that is printed in one piece when the step ends (so two lanes
# never interleave lines). When a step fails, its log is printed, the other lane is stopped, and the run fails.
# TK_TEST_SERIAL=1 forces the serial order even when TK_TEST_LANES=1 is set.
set -euo pipefail
serial=1
[[ "${TK_TEST_LANES:-}" == "1" ]] && serial=0
[[ "${TK_TEST_SERIAL:-}" == "1" ]] && serial=1
cd "$(dirname "$0")/.."

bin=node_modules/.bin
started=$(date +%s)
work="$(mktemp -d "${TMPDIR:-/tmp}/tk-test-all.XXXXXX")"
skipped=0
skips=()

print_summary() {
  local status=$?
  printf '\n\033[1mSummary\033[0m (%s s)\n' "$(( $(date +%s) - started ))"
  # One line per step in the order of the list above; steps record "<order> <line>".
  if compgen -G "$work/summary.*" >/dev/null; then
    sort -n -s -k1,1 "$work"/summary.* | cut -d' ' -f2- | sed 's/^/  /'
  fi
  for line in "${skips[@]}"; do printf '  %s\n' "$line"; done
  if (( skipped > 0 )); then
    printf '  (%s step(s) skipped; set DATABASE_URL and install pg_prove/chromium to run everything)\n' "$skipped"
  fi
  rm -rf "$work"
  exit "$status"
}
trap print_summary EXIT

skip() {
  skips+=("SKIPPED  $1 — $2")
  skipped=$((skipped + 1))
  printf '\n\033[33m== %s: skipped — %s\033[0m\n' "$1" "$2"
}

has_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  # Playwright's own browser, if it was downloaded.
  compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium-*" >/dev/null
}

# Decide skips up front, so CI fails before spending minutes.
server_reason=""
[[ -n "${DATABASE_URL:-}" ]] || server_reason="DATABASE_URL is not set"
pgtap_reason="$server_reason"
if [[ -z "$pgtap_reason" ]] && ! command -v pg_prove >/dev/null; then
  pgtap_reason="pg_prove is missing (apt-get install -y libtap-parser-sourcehandler-pgtap-perl postgresql-15-pgtap)"
fi
e2e_reason=""
has_chromium || e2e_reason="no Chromium (/usr/bin/chromium or Playwright's download)"

if [[ "${CI:-}" == "true" ]]; then
  missing=()
  [[ -z "$server_reason" ]] || missing+=("vitest on PostgreSQL: $server_reason")
  [[ -z "$pgtap_reason" ]] || missing+=("pgTAP: $pgtap_reason")
  [[ -z "$e2e_reason" ]] || missing+=("Playwright: $e2e_reason")
  if (( ${#missing[@]} > 0 )); then
    printf 'CI=true, and these would be skipped:\n' >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
  fi
fi

[[ -z "$server_reason" ]] || skip "vitest on PostgreSQL" "$server_reason"
[[ -z "$pgtap_reason" ]] || skip "pgTAP" "$pgtap_reason"
[[ -z "$e2e_reason" ]] || skip "Playwright" "$e2e_reason"
[[ -z "$server_reason" ]] || skip "server tests" "$server_reason"

# --- the steps ---------------------------------------------------------------------------------
step_db_types() { "$bin/tsx" scripts/db-types.ts --check; }
step_tsc() { "$bin/tsc"; }
# With a server (DATABASE_URL), each vitest file runs once where it says the most: the database
# files (tests/integration) on the server — the production target, with real concurrency — and on
# PGlite the files about the embedded engine itself plus the unit tests (app/, emails/: no
# database). The whole app on PGlite is what Playwright drives, too. Without a server everything
# runs on PGlite. TK_TEST_PGLITE_ALL=1 runs every file on PGlite as well (about 5 more minutes).
pglite_files=(
  app/ emails/
  tests/integration/db-smoke.test.ts tests/integration/db-connection-loss.test.ts
  tests/integration/db-types.test.ts tests/integration/seed.test.ts
  tests/integration/trainings-seed.test.ts tests/integration/cover-demo.test.ts
  tests/integration/request-transactions.test.ts tests/integration/form-idempotency.test.ts
  tests/integration/control-characters.test.ts tests/integration/dev-mailbox.test.ts
)
step_vitest_pglite() {
  if [[ -z "$server_reason" && "${TK_TEST_PGLITE_ALL:-}" != "1" ]]; then
    env -u TEST_DB "$bin/vitest" run --maxWorkers="${TK_TEST_VITEST_WORKERS:-2}" "${pglite_files[@]}"
  else
    env -u TEST_DB "$bin/vitest" run
  fi
}
# Two files at a time (vitest's default is one less than the cores: one here; TK_TEST_VITEST_WORKERS
# to change). On the server their database work runs in the server's processes and much of a
# file's time is waiting: on the 2-core machine 115 s instead of 198 s for the same files; the
# PGlite files above 44 s instead of 65 s. All green both ways.
step_vitest_postgres() {
  local workers="--maxWorkers=${TK_TEST_VITEST_WORKERS:-2}"
  if [[ "${TK_TEST_PGLITE_ALL:-}" == "1" ]]; then
    TEST_DB=postgres "$bin/vitest" run "$workers"
  else
    TEST_DB=postgres "$bin/vitest" run "$workers" tests/integration/
  fi
}
step_pgtap() { bash scripts/pgtap.sh; }
step_build() { npm run build --silent && touch "$work/build.done"; }
step_playwright() { "$bin/playwright" test; }
step_server() {
  # The production build comes from the browser lane (or, without Chromium, is made here).
  if [[ -z "$e2e_reason" ]]; then
    while [[ ! -f "$work/build.done" ]]; do
      [[ -f "$work/build.failed" ]] && { echo "The production build failed (see above)."; return 1; }
      sleep 1
    done
  fi
  [[ -f build/server/index.js ]] || npm run build --silent
  "$bin/vitest" run --config vitest.server.config.ts
}

# run_step <order> <title> <function>: runs it with its output in a log; records the summary line.
# Serial mode streams the output instead.
run_step() {
  local order="$1" title="$2" fn="$3" t0 rc log="$work/log.$1"
  t0=$(date +%s)
  # Stays so when the step is stopped because the other lane failed.
  echo "$order STOPPED  ${title} (another step failed)" >"$work/summary.$order"
  if [[ "$serial" == "1" ]]; then
    printf '\n\033[1m== %s\033[0m\n' "$title"
    set +e
    ( set -e; "$fn" )
    rc=$?
    set -e
  else
    printf '\n\033[1m== %s: started (+%s s)\033[0m\n' "$title" "$(( t0 - started ))"
    set +e
    ( set -e; "$fn" ) >"$log" 2>&1
    rc=$?
    set -e
    printf '\n\033[1m== %s (+%s s)\033[0m\n' "$title" "$(( $(date +%s) - started ))"
    cat "$log"
  fi
  if (( rc == 0 )); then
    echo "$order passed   ${title} ($(( $(date +%s) - t0 )) s)" >"$work/summary.$order"
  else
    echo "$order FAILED   ${title} (after $(( $(date +%s) - t0 )) s)" >"$work/summary.$order"
    [[ "$fn" == step_build ]] && touch "$work/build.failed"
  fi
  return "$rc"
}

lane_db() {
  # The browser lane is the longer one (~400 s against ~325 s on a quiet 2-core machine) and the
  # one with timeouts that feel a busy CPU: the db lane yields to it (nice), using its slack.
  renice -n "${TK_TEST_DB_LANE_NICE:-10}" -p "$BASHPID" >/dev/null 2>&1 || true
  run_step 0 "schema types current (db:types --check)" step_db_types
  run_step 1 "typecheck (tsc)" step_tsc
  run_step 2 "vitest on PGlite" step_vitest_pglite
  if [[ -z "$server_reason" ]]; then
    run_step 3 "vitest on PostgreSQL (TEST_DB=postgres)" step_vitest_postgres
  fi
  if [[ -z "$pgtap_reason" ]]; then
    run_step 4 "pgTAP (pg_prove)" step_pgtap
  fi
  # The production app as its own process on the server (tests/server: lost connections, a
  # database that is down at start). Needs the production build.
  if [[ -z "$server_reason" ]]; then
    run_step 7 "server tests: production app on PostgreSQL (vitest.server.config.ts)" step_server
  fi
}

lane_browser() {
  if [[ -z "$e2e_reason" ]]; then
    run_step 5 "production build" step_build
    run_step 6 "Playwright (on the production build)" step_playwright
  fi
}

if [[ "$serial" == "1" ]]; then
  # The order of the list at the top; the build comes before Playwright and the server tests.
  run_step 0 "schema types current (db:types --check)" step_db_types
  run_step 1 "typecheck (tsc)" step_tsc
  run_step 2 "vitest on PGlite" step_vitest_pglite
  if [[ -z "$server_reason" ]]; then run_step 3 "vitest on PostgreSQL (TEST_DB=postgres)" step_vitest_postgres; fi
  if [[ -z "$pgtap_reason" ]]; then run_step 4 "pgTAP (pg_prove)" step_pgtap; fi
  if [[ -z "$e2e_reason" ]]; then
    run_step 5 "production build" step_build
    run_step 6 "Playwright (on the production build)" step_playwright
  fi
  if [[ -z "$server_reason" ]]; then
    run_step 7 "server tests: production app on PostgreSQL (vitest.server.config.ts)" step_server
  fi
  exit 0
fi

# Each lane in its own process group (set -m), so a failure can stop the other lane whole.
set -m
lane_db &
db_pid=$!
lane_browser &
browser_pid=$!
set +m

stop_lane() {
  # SIGINT first, as Ctrl-C: Playwright then stops the servers it started (on SIGTERM it leaves
  # them running); vitest stops its workers.
  kill -INT -- "-$1" 2>/dev/null || true
  for _ in $(seq 1 75); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -TERM -- "-$1" 2>/dev/null || true
  for _ in $(seq 1 25); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL -- "-$1" 2>/dev/null || true
}

lane_status() { # prints the exit status of a finished lane, nothing while it runs
  kill -0 "$1" 2>/dev/null && return 0
  set +e
  wait "$1"
  echo $?
  set -e
}

failed=0
db_rc="" browser_rc=""
while [[ -z "$db_rc" || -z "$browser_rc" ]]; do
  sleep 1
  [[ -n "$db_rc" ]] || db_rc="$(lane_status "$db_pid")"
  [[ -n "$browser_rc" ]] || browser_rc="$(lane_status "$browser_pid")"
  if [[ -n "$db_rc" && "$db_rc" != 0 ]] || [[ -n "$browser_rc" && "$browser_rc" != 0 ]]; then
    failed=1
    [[ -n "$db_rc" ]] || { echo "Stopping the other lane (typecheck, vitest, pgTAP, server tests)."; stop_lane "$db_pid"; }
    [[ -n "$browser_rc" ]] || { echo "Stopping the other lane (build, Playwright)."; stop_lane "$browser_pid"; }
    break
  fi
done
exit "$failed"
