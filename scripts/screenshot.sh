#!/usr/bin/env bash
# Renders a report HTML file the way readers will see it, with headless Chromium:
#   OUT_PREFIX-desktop.png   1280 px wide, the first screen and more
#   OUT_PREFIX-phone.png     390 px wide (a phone)
#   OUT_PREFIX.pdf           the browser's A4 print (the report's print stylesheet)
#   OUT_PREFIX-pdf-1.png     page 1 of that PDF (pdftoppm, from poppler-utils)
# Usage: scripts/screenshot.sh FILE.html OUT_PREFIX
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: scripts/screenshot.sh FILE.html OUT_PREFIX" >&2
  exit 64
fi
html=$1
prefix=$2
[ -f "$html" ] || { echo "error: $html: there is no such file" >&2; exit 66; }
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "error: chromium is not installed" >&2; exit 69; }
command -v pdftoppm >/dev/null || { echo "error: pdftoppm is missing (apt-get install -y poppler-utils)" >&2; exit 69; }

url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
mkdir -p "$(dirname "$prefix")"
out=$(cd "$(dirname "$prefix")" && pwd)/$(basename "$prefix")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# --disable-javascript: the report must not need scripts; no network is allowed either.
run() {
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-javascript \
    --user-data-dir="$profile" --no-first-run --disable-extensions \
    --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" "$@" "$url" 2>/dev/null
}
run --window-size=1280,2000 --screenshot="$out-desktop.png"
run --window-size=390,2400 --force-device-scale-factor=1 --screenshot="$out-phone.png"
run --no-pdf-header-footer --print-to-pdf="$out.pdf"
pdftoppm -f 1 -l 1 -r 80 -png "$out.pdf" "$out-pdf"
# pdftoppm names the page with its number, padded by the page count's digits.
page=$(ls "$out-pdf"-*1.png | head -1)
[ "$page" = "$out-pdf-1.png" ] || mv "$page" "$out-pdf-1.png"
echo "$out-desktop.png $out-phone.png $out.pdf $out-pdf-1.png"
