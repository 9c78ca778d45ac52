#!/usr/bin/env bash
# with-keyring.sh COMMAND [ARGS...]: runs COMMAND in a private D-Bus session with an unlocked
# GNOME keyring whose files live in a throw-away folder (never the developer's own keyring), and
# exports VODCONFIRM_EXPECT_KEYCHAIN=1 when the keyring started. DISPLAY and WAYLAND_DISPLAY are
# unset for the keyring, so it can never put a password prompt on a real screen. Used by
# `./dev test` for the whole suite, and by single tests that need a keyring of their own (for
# example one they lock).
set -uo pipefail
keyrings=$(mktemp -d)
trap 'rm -rf "$keyrings"' EXIT
env -u DISPLAY -u WAYLAND_DISPLAY dbus-run-session -- bash -c '
    export XDG_DATA_HOME="$1/data" XDG_RUNTIME_DIR="$1/run"
    mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    echo -n vodconfirm-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 &&
        export VODCONFIRM_EXPECT_KEYCHAIN=1
    shift; exec "$@"' _ "$keyrings" "$@"
