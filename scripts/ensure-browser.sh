#!/usr/bin/env bash
# npm's `pretest`: the browser tests drive Debian's Chromium through playwright-core, and the
# layout checks (no overflow at 375 px, card screenshots) need CJK fonts to measure real glyphs
# rather than fallback boxes. When either is missing, install both with apt-get (through sudo
# when not root); where that cannot be done, stop with the one command that does it.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
packages=(chromium fonts-noto-cjk)
# The command a person runs, with `sudo ` (or nothing) before each apt-get.
install_command() { echo "${1}apt-get update && ${1}apt-get install -y ${packages[*]}"; }

has_cjk_fonts() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]
}

ready() {
  [ -x "$chromium" ] && has_cjk_fonts
}

stop() {
  echo "npm test: the browser tests need Chromium at $chromium and CJK fonts. $1" >&2
  exit 1
}

ready && exit 0

command -v apt-get >/dev/null 2>&1 || stop "Install them with your package manager (on Debian or Ubuntu: $(install_command 'sudo ')), or point CHROMIUM_PATH at a Chromium."
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  stop "Run as root: $(install_command '')"
fi
again="$(install_command "${as_root[*]:+sudo }")"

echo "npm test: installing ${packages[*]} for the browser tests (apt-get)" >&2
"${as_root[@]}" apt-get update -qq || stop "apt-get update failed; run: $again"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null ||
  stop "apt-get install failed; run: $again"
ready || stop "They are still missing after apt-get install; set CHROMIUM_PATH if Chromium lives elsewhere."
