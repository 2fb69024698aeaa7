# Shared by the start and test commands: bring pnpm and the system packages the platform needs.
# pnpm comes through npx at a pinned version (corepack cannot verify signatures everywhere).

PNPM_VERSION=10.34.9
pnpm() { npx --yes "pnpm@${PNPM_VERSION}" "$@"; }
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

log() { printf '[hcp] %s\n' "$*"; }

require_node() {
  # package.json's engines: 20.19+, 22.12+ or 24+ (what vite and require(esm) need; 21 and 23 are
  # short-lived releases, out of support).
  if ! node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24;
    process.exit(ok ? 0 : 1);' 2>/dev/null; then
    log "Node.js 20.19+, 22.12+ or 24 is required (found: $(node -v 2>/dev/null || echo none))"
    exit 1
  fi
}

# Installs Debian packages that are missing, when we are root on Debian; otherwise says what to install.
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]} with apt-get …"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    log "please install: ${missing[*]}"
    return 1
  fi
}

install_dependencies() {
  log "installing dependencies …"
  pnpm install --frozen-lockfile --reporter=append-only >/dev/null
}
