#!/usr/bin/env bash
# Builds the .deb and .tar.gz from a configured build folder and checks what a user would get:
# lintian (no error or warning), desktop-file-validate, appstreamcli validate (offline), the
# dependencies shlibdeps cannot see, and, from the .deb unpacked into a temporary root, both
# installed binaries' --version and a real `confirm` against the loopback VOD test server.
#   packaging/check-package.sh [BUILD_DIR]     (default build/ci; `./dev package` runs it)
# Needs lintian, desktop-file-utils, appstream, dpkg-dev, file (`./dev package` installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
app_id=com.huaweicloud.vodconfirm

step() { printf '== %s\n' "$*"; }
fail() { printf 'check-package: %s\n' "$*" >&2; exit 1; }

step "cpack"
rm -f "$build"/vodconfirm_*.deb "$build"/vodconfirm-*.tar.gz
cmake --build "$build" --target package >/dev/null
debs=("$build"/vodconfirm_*.deb)
tars=("$build"/vodconfirm-*.tar.gz)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "no single .deb in $build"
[ ${#tars[@]} -eq 1 ] && [ -f "${tars[0]}" ] || fail "no single .tar.gz in $build"
deb=${debs[0]}
echo "$deb"; echo "${tars[0]}"

step "lintian"
rc=0
report=$(lintian --fail-on error,warning --display-info "$deb" 2>&1) || rc=$?
# Running as root (CI containers) only earns a notice.
printf '%s\n' "$report" | grep -v '^running with root privileges' || true
[ "$rc" -eq 0 ] || fail "lintian found errors or warnings"

root=$(mktemp -d)
home=$(mktemp -d)
server_dir=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$root" "$home" "$server_dir"
}
trap cleanup EXIT
dpkg-deb -x "$deb" "$root"

step "desktop-file-validate, appstreamcli validate --no-net"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"

step "contents"
for f in usr/bin/vodconfirm usr/bin/vodconfirm-cli usr/share/doc/vodconfirm/copyright \
         usr/share/doc/vodconfirm/changelog.Debian.gz usr/share/man/man1/vodconfirm.1.gz \
         usr/share/man/man1/vodconfirm-cli.1.gz \
         usr/share/bash-completion/completions/vodconfirm \
         usr/share/bash-completion/completions/vodconfirm-cli \
         usr/share/icons/hicolor/scalable/apps/$app_id.svg \
         usr/share/icons/hicolor/48x48/apps/$app_id.png; do
    [ -e "$root/$f" ] || fail "$f is missing from the .deb"
done
tar -tzf "${tars[0]}" | grep -q '/bin/vodconfirm-cli$' || fail "the .tar.gz has no bin/vodconfirm-cli"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
bash -n "$root/usr/share/bash-completion/completions/vodconfirm"

# The installed binaries, with an empty home (no settings, no history, no display).
run() {
    env -u DISPLAY -u WAYLAND_DISPLAY HOME="$home" XDG_CONFIG_HOME="$home/.config" \
        XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" "$@"
}
step "--version"
version=$(dpkg-deb -f "$deb" Version)
for binary in vodconfirm-cli vodconfirm; do
    out=$(run QT_QPA_PLATFORM=offscreen "$root/usr/bin/$binary" --version)
    echo "$binary: $out"
    [ "$out" = "vodconfirm ${version%-*}" ] || fail "$binary --version printed '$out'"
done

# The desktop app starts (offscreen) and every Qt plugin it loads comes from a package in Depends:
# shlibdeps cannot see plugins (the SQLite driver, the SVG icon engine).
step "desktop app start, plugins"
mkdir -m 700 "$home/run"
rc=0
run XDG_RUNTIME_DIR="$home/run" QT_QPA_PLATFORM=offscreen QT_DEBUG_PLUGINS=1 \
    timeout 3 "$root/usr/bin/vodconfirm" 2>"$home/gui.log" || rc=$?
[ "$rc" -eq 124 ] || { tail -n 20 "$home/gui.log"; fail "vodconfirm exited with $rc at start"; }
plugins=$(sed -n 's/^qt.core.library: "\(.*\)" loaded library$/\1/p' "$home/gui.log" | sort -u)
for needed in sqldrivers/libqsqlite.so iconengines/libqsvgicon.so; do
    grep -q "/$needed$" <<<"$plugins" || fail "vodconfirm did not load $needed"
done
for plugin in $plugins; do
    package=$(dpkg -S "$plugin" | cut -d: -f1 | head -n 1)
    [[ ", $depends," == *", $package"[\ ,]* ]] || fail "$plugin comes from $package, not in Depends"
    echo "${plugin##*/plugins/} ($package)"
done

step "confirm against the loopback VOD server"
ak=HPUAPACKAGECHECK0001 sk=PackageCheckSecretKey00000000000000000001
project=0a1b2c3d4e5f60718293a4b5c6d7e8f9 asset=f488337c31c8e4622f1590735b134c65
mkfifo "$server_dir/in"
"$build/tests/support/vod-test-server" --port 0 --ak "$ak" --sk "$sk" --project-id "$project" \
    <"$server_dir/in" >"$server_dir/out" &
server_pid=$!
exec {server_in}>"$server_dir/in"
for _ in $(seq 100); do
    grep -q '^listening ' "$server_dir/out" 2>/dev/null && break
    sleep 0.1
done
address=$(sed -n 's/^listening //p' "$server_dir/out")
[ -n "$address" ] || fail "the test server did not start"
rc=0
result=$(echo "upload done: asset_id=$asset" |
    run HUAWEICLOUD_SDK_AK="$ak" HUAWEICLOUD_SDK_SK="$sk" HUAWEICLOUD_SDK_PROJECT_ID="$project" \
        "$root/usr/bin/vodconfirm-cli" confirm --endpoint "http://$address" --output json) || rc=$?
echo "$result"
[ "$rc" -eq 0 ] || fail "vodconfirm-cli confirm exited with $rc"
[[ $result == *"\"asset_id\":\"$asset\""*"\"outcome\":\"confirmed\""* ]] ||
    fail "the asset is not reported confirmed"
echo quit >&"$server_in"
exec {server_in}>&-
wait "$server_pid" || true
server_pid=""
counters=$(tail -n 1 "$server_dir/out")
[[ $counters == *"\"effective_confirms_total\":1"[,}]* ]] ||
    fail "the server did not record exactly one confirm: $counters"
# The run was recorded in the history of the empty home.
run "$root/usr/bin/vodconfirm-cli" history --asset "$asset" | grep -q "$asset" ||
    fail "the history does not show the asset"
echo "package checks passed"
