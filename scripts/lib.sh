# Shared helpers for the project scripts (sourced).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if command -v pnpm >/dev/null 2>&1; then PNPM=(pnpm); else PNPM=(npx -y pnpm@10); fi
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# wait_for_url URL SECONDS: polls until the URL answers 2xx.
wait_for_url() {
  local url=$1 limit=$2 i
  for ((i = 0; i < limit; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "gave up waiting for $url after ${limit}s" >&2
  return 1
}
