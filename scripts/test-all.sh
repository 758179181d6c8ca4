#!/usr/bin/env bash
# npm test: everything, in order, stopping at the first failure.
#   1. typecheck (tsc)
#   2. vitest on PGlite
#   3. vitest on the PostgreSQL server (TEST_DB=postgres)   — needs DATABASE_URL
#   4. pgTAP through pg_prove (scripts/pgtap.sh)            — needs DATABASE_URL and pg_prove
#   5. production build + Playwright                        — needs a Chromium
#   6. the production app as a process on the server        — needs DATABASE_URL (and the build)
# A step runs only when its prerequisite is there; the summary says what was skipped and why.
# With CI=true nothing may be skipped: a missing prerequisite fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=node_modules/.bin
summary=()
skipped=0
started=$(date +%s)

running=""
step_start() {
  running="$1"
  step_t0=$(date +%s)
  printf '\n\033[1m== %s\033[0m\n' "$running"
}
step_done() {
  summary+=("passed   ${running} ($(( $(date +%s) - step_t0 )) s)")
  running=""
}
skip() {
  summary+=("SKIPPED  $1 — $2")
  skipped=$((skipped + 1))
  printf '\n\033[33m== %s: skipped — %s\033[0m\n' "$1" "$2"
}
print_summary() {
  [[ -z "$running" ]] || summary+=("FAILED   ${running} (after $(( $(date +%s) - step_t0 )) s)")
  printf '\n\033[1mSummary\033[0m (%s s)\n' "$(( $(date +%s) - started ))"
  for line in "${summary[@]}"; do printf '  %s\n' "$line"; done
}
trap print_summary EXIT

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

step_start "typecheck (tsc)"
"$bin/tsc"
step_done

step_start "vitest on PGlite"
env -u TEST_DB "$bin/vitest" run
step_done

if [[ -z "$server_reason" ]]; then
  step_start "vitest on PostgreSQL (TEST_DB=postgres)"
  TEST_DB=postgres "$bin/vitest" run
  step_done
else
  skip "vitest on PostgreSQL" "$server_reason"
fi

if [[ -z "$pgtap_reason" ]]; then
  step_start "pgTAP (pg_prove)"
  bash scripts/pgtap.sh
  step_done
else
  skip "pgTAP" "$pgtap_reason"
fi

if [[ -z "$e2e_reason" ]]; then
  step_start "build + Playwright (production build)"
  npm run build --silent
  "$bin/playwright" test
  step_done
else
  skip "Playwright" "$e2e_reason"
fi

# The production app as its own process on the server (tests/server: lost connections, a
# database that is down at start). Needs the production build, which the step above made.
if [[ -z "$server_reason" ]]; then
  step_start "server tests: production app on PostgreSQL (vitest.server.config.ts)"
  [[ -f build/server/index.js ]] || npm run build --silent
  "$bin/vitest" run --config vitest.server.config.ts
  step_done
else
  skip "server tests" "$server_reason"
fi

if (( skipped > 0 )); then
  summary+=("(${skipped} step(s) skipped; set DATABASE_URL and install pg_prove/chromium to run everything)")
fi
