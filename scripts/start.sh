#!/usr/bin/env bash
# Starts the whole platform with the demo hall: dependencies, database, migrations, demo data,
# front-end builds, server. Ctrl-C stops everything, including the database it started.
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
exec npx --yes "pnpm@${PNPM_VERSION}" --filter @hcp/server --silent start:demo
