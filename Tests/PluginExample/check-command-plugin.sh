#!/usr/bin/env bash
# The command plugin as a downstream user meets it, run by CI: every misuse the plugin must refuse, and the
# committed MailerAPI client regenerated and checked.
set -euo pipefail
cd "$(dirname "$0")"

plugin() { swift package --allow-writing-to-package-directory generate-ncp-client "$@"; }
out=$(mktemp)
backup=$(mktemp -d)
trap 'rm -rf "$out" "$backup"' EXIT

# Runs the plugin, expects the given exit status (0 or non-zero) and a line of its output.
expect() {
    local status=$1 text=$2; shift 2
    local code=0
    plugin "$@" >"$out" 2>&1 || code=$?
    if { [ "$status" = 0 ] && [ "$code" != 0 ]; } || { [ "$status" != 0 ] && [ "$code" = 0 ]; }; then
        cat "$out"; echo "error: 'generate-ncp-client $*' exited $code" >&2; exit 1
    fi
    if ! grep -qF -- "$text" "$out"; then
        cat "$out"; echo "error: 'generate-ncp-client $*' did not say: $text" >&2; exit 1
    fi
    echo "ok: generate-ncp-client $* -> $text"
}

expect 0 "check passed: 4 operations" --check
expect 1 "unknown argument '--chek'; did you mean '--check'?" --chek
expect 0 "USAGE: swift package --allow-writing-to-package-directory generate-ncp-client" --help
expect 0 "USAGE: swift package --allow-writing-to-package-directory generate-ncp-client" -h
expect 1 "no target named 'Nope' in this package; its targets are MailerAPI, MediaIntelligenceLite, WeatherAPI, plugin-example" --target Nope

# A stale committed client fails --check with the command that fixes it, and that command fixes it.
cp -R Sources/MailerAPI/GeneratedClient/. "$backup"
echo "// edited by hand" >> Sources/MailerAPI/GeneratedClient/Client.swift
expect 1 "run \`swift package --allow-writing-to-package-directory generate-ncp-client --target MailerAPI\` to regenerate" --check
expect 0 "1 file written" --target MailerAPI
diff -r "$backup" Sources/MailerAPI/GeneratedClient
echo "ok: the regenerated client is byte-identical to the committed one"
