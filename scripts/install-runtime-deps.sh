#!/usr/bin/env bash
# Makes sure the system libraries the viewer's window needs are present, installing only what is missing:
#   libgtk-3-0        JavaFX's window toolkit on Linux
#   xvfb, xauth       only when there is no display (then ./run uses a virtual one)
# As root it uses apt-get (quietly); otherwise it names what is missing. Exit 1 when the app cannot start without it.
set -uo pipefail

needed=(libgtk-3-0)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    needed+=(xvfb xauth)
fi

missing=()
for pkg in "${needed[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0 # not a Debian system: nothing we can check

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "duoviewer: missing system packages: ${missing[*]} (install with: sudo apt-get install ${missing[*]})" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "duoviewer: could not install ${missing[*]}" >&2
    exit 1
fi
rm -f "$log"
