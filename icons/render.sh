#!/usr/bin/env bash
# Renders the application icon from duoviewer.svg into the PNG sizes the app (window icons) and the installer use.
# Needs rsvg-convert (Debian: librsvg2-bin). The PNGs are committed, so building does not need it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
APP_ICONS=../app/src/main/resources/nl/duoviewer/app/icons
mkdir -p png "$APP_ICONS"
for size in 16 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" duoviewer.svg -o "png/duoviewer-$size.png"
done
for size in 16 32 48 64 128 256; do
    cp "png/duoviewer-$size.png" "$APP_ICONS/duoviewer-$size.png"
done
