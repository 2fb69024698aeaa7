#!/usr/bin/env bash
# Runs every check: lint, types, unit tests, integration tests against a real MariaDB (a fresh
# database per suite), the citizen pages' bundle budget, and the browser test in Chromium. Ends
# with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_node
# nginx: the browser suite runs the shipped site (deploy/nginx/hcp.conf) in front of the server.
packages=(chromium fonts-wqy-microhei poppler-utils nginx)
if [ -z "${DATABASE_URL:-}" ]; then packages+=(mariadb-server); fi
ensure_debian_packages "${packages[@]}" || exit 1
install_dependencies || exit 1

export TEST_REPORT_DIR
TEST_REPORT_DIR=$(mktemp -d)
trap 'rm -rf "$TEST_REPORT_DIR"' EXIT
status=0
checks_failed=0
turbo() { pnpm exec turbo "$@" --output-logs=errors-only; }

log "lint and type-check …"
turbo run lint typecheck --continue || { status=1; checks_failed=$((checks_failed + 1)); }
log "format (prettier) and unused code (knip) …"
pnpm exec prettier --check --log-level=warn . || { status=1; checks_failed=$((checks_failed + 1)); }
pnpm exec knip --no-progress || { status=1; checks_failed=$((checks_failed + 1)); }
log "unit tests …"
turbo run test --continue --force || status=1
log "building the front ends for the browser test …"
turbo run build --filter=@hcp/web --filter=@hcp/console || { status=1; checks_failed=$((checks_failed + 1)); }
log "bundle budget of the citizen pages …"
pnpm --filter @hcp/web run test:bundle || status=1
log "integration and browser tests against MariaDB …"
pnpm exec tsx packages/db/src/cli/with-database.ts -- \
  ./node_modules/.bin/turbo run test:integration test:e2e --concurrency=1 --continue --force --output-logs=full \
  || status=1

node scripts/summarize-tests.mjs "$TEST_REPORT_DIR" "$checks_failed" \
  domain-unit db-unit api-unit web-unit console-unit web-bundle \
  db-integration api-integration server-integration e2e || status=1
exit $status
