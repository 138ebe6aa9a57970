#!/usr/bin/env bash
# Makes sure the real tools are installed: Chromium (PDF and browser tests), poppler-utils
# (pdftotext reads our PDFs), LibreOffice (a real client opens our DOCX), Thai fonts, and the
# PostgreSQL server binaries the integration tests start a throwaway cluster with.
# Installs them from Debian's packages when run as root; otherwise fails and says what to do.
# Usage: ensure-system-deps.sh [command...]   (default: every tool; `chromium` is all PDF needs)
set -euo pipefail

declare -A need=(
  [chromium]=chromium
  [pdftotext]=poppler-utils
  [soffice]=libreoffice-writer-nogui
  [initdb]=postgresql
)
# Debian keeps the server binaries off PATH, under /usr/lib/postgresql/<version>/bin.
has() {
  if [ "$1" = initdb ]; then compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; else command -v "$1" >/dev/null 2>&1; fi
}
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=("${!need[@]}")
missing=()
for cmd in "${wanted[@]}"; do
  [ -n "${need[$cmd]:-}" ] || { echo "ERROR: unknown tool '$cmd' (known: ${!need[*]})" >&2; exit 2; }
  has "$cmd" || missing+=("${need[$cmd]}")
done
# Thai fonts let LibreOffice lay out Thai text when it converts our DOCX.
thai_fonts=$(fc-list : family 2>/dev/null | grep -ciE 'garuda|loma|sarabun|kinnari' || true)
[ "$thai_fonts" -gt 0 ] || missing+=(fonts-thai-tlwg)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ERROR: Prongsai needs these Debian packages: ${missing[*]}" >&2
  echo "       install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing missing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" fontconfig >/dev/null
for cmd in "${wanted[@]}"; do
  has "$cmd" || { echo "ERROR: $cmd is still missing after apt-get" >&2; exit 1; }
done
