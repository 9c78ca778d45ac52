#!/usr/bin/env bash
# Renders the hicolor PNG sizes of the application icon from its SVG. The PNGs are committed, so
# a build needs no renderer; run this after changing the SVG (needs rsvg-convert, apt
# librsvg2-bin) and commit the result.
set -euo pipefail
cd "$(dirname "$0")/hicolor"
id=com.huaweicloud.vodconfirm
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "${size}x${size}/apps/$id.png" "scalable/apps/$id.svg"
done
