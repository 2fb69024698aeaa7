#!/usr/bin/env bash
# Starts the whole platform with the demo hall: dependencies, database, migrations, demo data,
# front-end builds, server. Ctrl-C stops everything, including the database it started.
# `npm start -- --empty` (or HCP_DEMO=0) starts from nothing instead: no demo hall, only the first
# administrator (HCP_ADMIN_USERNAME, default admin) with a one-time password printed once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_node
if [ -z "${DATABASE_URL:-}" ] && ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  ensure_debian_packages mariadb-server || { log "or set DATABASE_URL to a MariaDB/MySQL server"; exit 1; }
fi
# The monthly report's PDF is set in this CJK font; without it everything but the PDF works.
ensure_debian_packages fonts-wqy-microhei || log "the PDF reports need fonts-wqy-microhei, or HCP_REPORT_FONT set to a CJK font file"
install_dependencies
log "building the front ends and the server …"
pnpm exec turbo run build --filter=@hcp/web --filter=@hcp/console --filter=@hcp/server --output-logs=errors-only
start_script=start:demo
if [ "${1:-}" = "--empty" ] || [ "${HCP_DEMO:-1}" = "0" ]; then start_script=start; fi
exec npx --yes "pnpm@${PNPM_VERSION}" --filter @hcp/server --silent "$start_script"
