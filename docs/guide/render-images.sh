#!/usr/bin/env bash
# render-images.sh [BUILD_DIR]: re-renders the user guide's pictures (docs/guide/images/) with
# tst_screens, the state script (tests/ui/tst_screens.cpp): each state below at 1366x768 in the
# light palette, in English (<state>.png) and in Chinese (<state>-zh_CN.png, as the ctest
# tst_screens_zh_CN runs it). Then pngquant and optipng shrink them when installed
# (apt install pngquant optipng). BUILD_DIR defaults to build/dev; build it first.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
images=$root/docs/guide/images
states=(first-run profile-new profile-check-failed secret-prompt assets-queued running stopped
        finished-with-failures authentication-failed history resume-bar preferences stuck-listed
        upload-dialog uploads-running)
# The test functions that reach those states.
functions=(firstRun profileDialogNew profileDialogCheckFailed secretPrompt assetsQueued
           runningPausedStoppedAndOffered finishedWithFailures authenticationFailed
           historyWithRows preferencesAboveTheStandardQuota stuckUploads uploads)

shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
mkdir -p "$shots/en" "$shots/zh_CN" "$images"
run() { # OUTPUT_DIR [VAR=VALUE...]
    local dir=$1
    shift
    env -u LC_ALL -u LC_MESSAGES -u LANGUAGE QT_QPA_PLATFORM=offscreen \
        VODCONFIRM_SCREENSHOT_DIR="$dir" "$@" \
        "$root/tests/support/with-keyring.sh" "$build/tests/tst_screens" "${functions[@]}" \
        >"$dir/log.txt" 2>&1 || { cat "$dir/log.txt"; exit 1; }
}
run "$shots/en" LANG=C.UTF-8
run "$shots/zh_CN" LANG=zh_CN.UTF-8 VODCONFIRM_TEST_TRANSLATED=1

rm -f "$images"/*.png
for state in "${states[@]}"; do
    cp "$shots/en/$state-1366x768-light.png" "$images/$state.png"
    cp "$shots/zh_CN/$state-zh_CN-1366x768-light.png" "$images/$state-zh_CN.png"
done
if command -v pngquant >/dev/null; then
    pngquant --force --skip-if-larger --strip --quality 70-95 --ext .png "$images"/*.png || true
fi
if command -v optipng >/dev/null; then
    optipng -quiet -o2 -strip all "$images"/*.png
fi
du -ch "$images"/*.png | tail -1
